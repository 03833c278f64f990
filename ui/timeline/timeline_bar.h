#pragma once

#include <QStyle>
#include <QWidget>

#include "ui/timeline/timeline_track.h"

class QComboBox;
class QLabel;
class QToolButton;

namespace eventscope::ui {

// The transport under the canvas: jump to start, step one event back, play/pause, step one
// event forward, jump to the end, playback speed, the track to scrub on, and the time. It only
// asks (signals); the recording player or the live run controller does the moving.
class TimelineBar : public QWidget {
  Q_OBJECT

 public:
  explicit TimelineBar(QWidget* parent = nullptr);

  void setEnd(core::SimTime end);
  void setTime(core::SimTime t);
  void setPlaying(bool playing);
  // Whether stepping one event is possible (a recording) or one engine action (a live run).
  void setStepToolTips(const QString& back, const QString& forward);
  void setStepBackEnabled(bool enabled);
  TimelineTrack* track() const { return m_track; }
  double speed() const;

 Q_SIGNALS:
  void seekRequested(eventscope::core::SimTime t);
  void scrubFinished();
  void playRequested();
  void pauseRequested();
  void stepBackRequested();
  void stepForwardRequested();
  void speedChanged(double speed);

 private:
  QToolButton* button(const QString& name, QStyle::StandardPixmap icon, const QString& tip);

  TimelineTrack* m_track;
  QToolButton* m_play;
  QToolButton* m_stepBack;
  QToolButton* m_stepForward;
  QComboBox* m_speed;
  QLabel* m_timeLabel;
  core::SimTime m_end = 0;
  bool m_playing = false;
};

}  // namespace eventscope::ui
