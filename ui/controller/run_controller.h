#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/model/scenario.h"
#include "ui/controller/live_fault.h"
#include "ui/controller/live_snapshot.h"

namespace eventscope::ui {

struct LiveSession;

// Runs the engine on its own worker thread (DESIGN.md §1 rule 4). The GUI thread sends
// commands (run, pause, step, reset, speed, faults) and pulls the latest immutable snapshot
// when it paints, at most 60 times a second; nothing is signalled per simulated event, and the
// engine never waits for the GUI. Signals report only changes of state.
class RunController : public QObject {
  Q_OBJECT

 public:
  enum class State { Ready, Running, Paused, Finished };
  Q_ENUM(State)

  // Speeds are simulated seconds per wall-clock second; kMaxSpeed runs as fast as it can.
  static constexpr double kMaxSpeed = 0;

  explicit RunController(QObject* parent = nullptr);
  ~RunController() override;

  // A new session for this model, at time 0 (any recording in progress is finished).
  void load(const core::Scenario& scenario);
  // No model to run (it has problems): the session ends and latest() becomes empty.
  void unload();
  void run();
  void pause();
  // While paused or ready: processes the next thing that happens in the engine.
  void step();
  // While paused or ready: runs at full speed to simulated time t, then pauses.
  void advanceTo(core::SimTime t);
  // Back to time 0 with the same model.
  void reset();
  // While paused, ready or finished: back (or on) to simulated time t by running the model
  // again from 0, with the live faults and redrives made before t applied again at their
  // times (the engine is deterministic, so this is the run that happened). Interventions made
  // after t are dropped: the run goes on from t without them. A recording in progress ends.
  void rewindTo(core::SimTime t);
  void setSpeed(double speed);
  // A new session that records to `path` when it runs (from time 0).
  void record(const QString& path);
  void inject(const LiveFault& fault);
  // Publishes these dead letters (ids of the events on dead-letter topics, as listed in
  // LiveSnapshot::deadLetters) again onto their original topics, now; they are marked
  // redriven. faultApplied says what went where; faultRefused names every id that was not
  // redriven (unknown to this run, already redriven, or refused by a full topic) and why.
  void redrive(std::vector<std::uint64_t> deadLetterEventIds);

  State state() const { return m_state.load(); }
  double speed() const { return m_speed.load(); }
  bool recording() const { return m_recording.load(); }
  std::shared_ptr<const LiveSnapshot> latest() const;
  // Blocks until the worker has handled every command sent so far (tests and shutdown).
  void sync();

 signals:
  void stateChanged(eventscope::ui::RunController::State state);
  // The recording started by record() is complete (error empty) or failed.
  void recordingFinished(const QString& path, const QString& error);
  // A live fault could not be applied (for example, no instance to remove).
  void faultRefused(const QString& reason);
  // A live fault was applied at simulated time `at`; the description says what it did.
  void faultApplied(const QString& description, qint64 at);

 private:
  using Command = std::function<void()>;
  void post(Command command);
  // A new session is asked for: snapshots of the current one stop showing at once.
  std::uint64_t newGeneration();
  void workerLoop();
  void advanceSlice();
  void publish(bool force);
  void setState(State state);
  // By value: the scenario may belong to the session this replaces.
  void startSession(core::Scenario scenario, QString recordTo);
  void finishRecording(bool stoppedEarly);
  void applyFault(const LiveFault& fault);
  void applyRedrive(const std::vector<std::uint64_t>& ids);  // run_controller_redrive.cpp
  // What a person did to this session, in order, for rewindTo to do again.
  struct Intervention {
    core::SimTime at = 0;
    std::optional<LiveFault> fault;
    std::vector<std::uint64_t> redrive;
  };
  void logIntervention(Intervention intervention);
  // Runs the engine to t, doing the pending interventions due on the way at their times.
  void advanceWithPending(core::SimTime t);
  void applyDue();
  void refuse(const std::string& reason);
  void applied(const std::string& description);

  std::thread m_worker;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::vector<Command> m_commands;  // guarded by m_mutex
  std::atomic<bool> m_quit{false};  // set under m_mutex (the condition variables wait on it)
  std::uint64_t m_posted = 0, m_done = 0;
  std::condition_variable m_doneChanged;
  std::shared_ptr<const LiveSnapshot> m_latest;  // guarded by m_mutex
  std::uint64_t m_generation = 0;                // guarded by m_mutex: the session asked for

  std::atomic<State> m_state{State::Ready};
  std::atomic<double> m_speed{1.0};
  std::atomic<bool> m_recording{false};

  // Worker thread only:
  std::unique_ptr<LiveSession> m_session;
  std::vector<Intervention> m_interventions;  // of m_session, done
  std::vector<Intervention> m_pending;        // after a rewind: to do again at their times
  bool m_replaying = false;                   // rewindTo applies them again: no signals
  std::uint64_t m_sessionGeneration = 0;      // the generation m_session belongs to
};

}  // namespace eventscope::ui
