#include "ui/timeline/timeline_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "ui/topology/display_text.h"

namespace eventscope::ui {

TimelineBar::TimelineBar(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 2);
  layout->setSpacing(2);
  QToolButton* start = button(QStringLiteral("timelineStart"), QStyle::SP_MediaSkipBackward,
                              tr("Jump to the start"));
  m_stepBack = button(QStringLiteral("timelineStepBack"), QStyle::SP_MediaSeekBackward,
                      tr("Step back to the previous event"));
  m_play = button(QStringLiteral("timelinePlay"), QStyle::SP_MediaPlay, tr("Play"));
  m_stepForward = button(QStringLiteral("timelineStepForward"), QStyle::SP_MediaSeekForward,
                         tr("Step forward to the next event"));
  QToolButton* end =
      button(QStringLiteral("timelineEnd"), QStyle::SP_MediaSkipForward, tr("Jump to the end"));
  m_speed = new QComboBox(this);
  m_speed->setObjectName(QStringLiteral("timelineSpeed"));
  m_speed->setToolTip(tr("Playback speed: simulated seconds per second"));
  for (double speed : {0.01, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0})
    m_speed->addItem(QStringLiteral("%1x").arg(speed), speed);
  m_speed->setCurrentIndex(3);
  m_track = new TimelineTrack(this);
  m_track->setObjectName(QStringLiteral("timelineTrack"));
  m_timeLabel = new QLabel(this);
  m_timeLabel->setObjectName(QStringLiteral("timelineTime"));
  m_timeLabel->setMinimumWidth(
      fontMetrics().horizontalAdvance(QStringLiteral("00:00.000 / 00:00.000")));
  m_timeLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  for (QWidget* w :
       std::initializer_list<QWidget*>{start, m_stepBack, m_play, m_stepForward, end, m_speed})
    layout->addWidget(w);
  layout->addWidget(m_track, 1);
  layout->addWidget(m_timeLabel);

  connect(start, &QToolButton::clicked, this, [this] { Q_EMIT seekRequested(0); });
  connect(end, &QToolButton::clicked, this, [this] { Q_EMIT seekRequested(m_end); });
  connect(m_stepBack, &QToolButton::clicked, this, &TimelineBar::stepBackRequested);
  connect(m_stepForward, &QToolButton::clicked, this, &TimelineBar::stepForwardRequested);
  connect(m_play, &QToolButton::clicked, this,
          [this] { m_playing ? Q_EMIT pauseRequested() : Q_EMIT playRequested(); });
  connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT speedChanged(speed()); });
  connect(m_track, &TimelineTrack::scrubbed, this, &TimelineBar::seekRequested);
  connect(m_track, &TimelineTrack::scrubFinished, this, &TimelineBar::scrubFinished);
}

QToolButton* TimelineBar::button(const QString& name, QStyle::StandardPixmap icon,
                                 const QString& tip) {
  auto* b = new QToolButton(this);
  b->setObjectName(name);
  b->setIcon(style()->standardIcon(icon));
  b->setToolTip(tip);
  b->setAutoRaise(true);
  return b;
}

void TimelineBar::setEnd(core::SimTime end) {
  m_end = end;
  m_track->setEnd(end);
  setTime(m_track->time());
}

void TimelineBar::setTime(core::SimTime t) {
  m_track->setTime(t);
  m_timeLabel->setText(QStringLiteral("%1 / %2").arg(simClock(t, m_end), simClock(m_end, m_end)));
}

void TimelineBar::setPlaying(bool playing) {
  m_playing = playing;
  m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  m_play->setToolTip(playing ? tr("Pause") : tr("Play"));
}

void TimelineBar::setStepToolTips(const QString& back, const QString& forward) {
  m_stepBack->setToolTip(back);
  m_stepForward->setToolTip(forward);
}

void TimelineBar::setStepBackEnabled(bool enabled) {
  m_stepBack->setEnabled(enabled);
}

double TimelineBar::speed() const {
  return m_speed->currentData().toDouble();
}

}  // namespace eventscope::ui
