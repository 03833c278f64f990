#include "ui/controller/recording_player.h"

#include <algorithm>
#include <cmath>

#include "core/io/recorded_model.h"

namespace eventscope::ui {

RecordingPlayer::RecordingPlayer(QObject* parent) : QObject(parent) {
  m_timer.setInterval(16);
  m_timer.setTimerType(Qt::PreciseTimer);
  connect(&m_timer, &QTimer::timeout, this, &RecordingPlayer::tick);
}

RecordingPlayer::~RecordingPlayer() = default;

bool RecordingPlayer::open(const QString& path, QString* error) {
  std::string message;
  std::shared_ptr<const core::store::Recording> recording =
      core::store::Recording::open(path.toStdString(), &message);
  std::optional<core::RecordedModel> model;
  core::TimeSeries series;
  if (recording) model = core::recordedModel(*recording, &message);
  if (!model || !recording->timeSeries(series, &message)) {
    *error = QString::fromStdString(message);
    return false;
  }
  pause();
  m_recording = std::move(recording);
  m_derived = model->derived;
  m_frames =
      std::make_unique<RecordedFrames>(m_recording, std::move(model->scenario), std::move(series));
  m_path = path;
  m_latest.reset();
  Q_EMIT opened();
  seek(0);
  return true;
}

void RecordingPlayer::close() {
  pause();
  m_frames.reset();
  m_recording.reset();
  m_latest.reset();
  m_path.clear();
  m_time = 0;
}

void RecordingPlayer::seek(core::SimTime t) {
  if (!m_frames) return;
  // A still picture shows the tokens of a short moment before t, spread along their edges.
  const core::SimTime window =
      std::clamp<core::SimTime>(end() / 2000, core::kMillisecond, 100 * core::kMillisecond);
  show(std::clamp<core::SimTime>(t, 0, end()), window, true);
}

void RecordingPlayer::show(core::SimTime t, core::SimTime tokenWindow, bool still) {
  auto snapshot = std::make_shared<LiveSnapshot>();
  std::string error;
  if (!m_frames->snapshotAt(t, tokenWindow, *snapshot, &error)) {
    pause();
    Q_EMIT failed(QString::fromStdString(error));
    return;
  }
  snapshot->serial = ++m_serial;
  m_latest = std::move(snapshot);
  m_time = t;
  m_still = still;
  Q_EMIT timeChanged(t);
}

void RecordingPlayer::play() {
  if (!m_frames || m_timer.isActive()) return;
  if (m_time >= end()) seek(0);  // playing at the end starts over
  m_clock.start();
  m_carry = 0;
  m_timer.start();
  Q_EMIT playingChanged(true);
}

void RecordingPlayer::pause() {
  if (!m_timer.isActive()) return;
  m_timer.stop();
  Q_EMIT playingChanged(false);
}

void RecordingPlayer::setSpeed(double speed) {
  m_speed = std::max(speed, 1e-6);
}

void RecordingPlayer::stepForward() {
  if (!m_frames) return;
  pause();
  seek(m_frames->nextEventTime(m_time));
}

void RecordingPlayer::stepBack() {
  if (!m_frames) return;
  pause();
  seek(m_frames->previousEventTime(m_time));
}

void RecordingPlayer::tick() {
  const double wall = static_cast<double>(m_clock.nsecsElapsed());
  m_clock.restart();
  // Simulated time advances by speed x wall time; a long stall (a modal dialog) is not caught up.
  const double advance = std::min(wall, 0.25e9) * m_speed + m_carry;
  const auto step = static_cast<core::SimTime>(std::floor(advance));
  m_carry = advance - static_cast<double>(step);
  const core::SimTime t = std::min(end(), m_time + step);
  show(t, std::max<core::SimTime>(step, 1), false);
  if (t >= end()) pause();
}

}  // namespace eventscope::ui
