#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

#include "ui/controller/recorded_frames.h"

namespace eventscope::ui {

// Plays a recording: opens it (its model, or a topology derived from its events, and its
// metric series), moves a time cursor by seeking, stepping one event or playing at a speed,
// and makes the picture at the cursor. Seeking reads a checkpoint and a page of events, a few
// milliseconds even on a 10 M-event file, so it runs on the GUI thread.
class RecordingPlayer : public QObject {
  Q_OBJECT

 public:
  explicit RecordingPlayer(QObject* parent = nullptr);
  ~RecordingPlayer() override;

  // Opens a recording and shows time 0; on failure keeps what was open and says why.
  bool open(const QString& path, QString* error);
  void close();
  bool isOpen() const { return m_frames != nullptr; }
  QString path() const { return m_path; }
  const RecordedFrames* frames() const { return m_frames.get(); }
  std::shared_ptr<const core::store::Recording> recording() const { return m_recording; }
  // Whether the topology was derived from the events (an imported recording has no model).
  bool derivedModel() const { return m_derived; }

  core::SimTime time() const { return m_time; }
  core::SimTime end() const { return m_frames ? m_frames->end() : 0; }
  bool playing() const { return m_timer.isActive(); }
  double speed() const { return m_speed; }
  // The picture at the cursor; `still` when it was made by a seek (not by playing).
  std::shared_ptr<const LiveSnapshot> latest() const { return m_latest; }
  bool still() const { return m_still; }

  void seek(core::SimTime t);
  void play();
  void pause();
  void setSpeed(double speed);
  void stepForward();
  void stepBack();

 Q_SIGNALS:
  void opened();
  void timeChanged(eventscope::core::SimTime t);
  void playingChanged(bool playing);
  // The file turned out damaged while reading it.
  void failed(const QString& error);

 private:
  void show(core::SimTime t, core::SimTime tokenWindow, bool still);
  void tick();

  std::shared_ptr<const core::store::Recording> m_recording;
  std::unique_ptr<RecordedFrames> m_frames;
  QString m_path;
  bool m_derived = false;
  core::SimTime m_time = 0;
  double m_speed = 1;
  std::shared_ptr<const LiveSnapshot> m_latest;
  std::uint64_t m_serial = 0;
  bool m_still = true;
  QTimer m_timer;
  QElapsedTimer m_clock;
  double m_carry = 0;  // simulated nanoseconds below one, carried between ticks
};

}  // namespace eventscope::ui
