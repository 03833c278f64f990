#include "ui/controller/run_controller.h"

#include <QMetaObject>

#include "core/io/scenario_writer.h"
#include "core/io/timestamps.h"
#include "ui/controller/live_session.h"

namespace eventscope::ui {

namespace {
constexpr auto kSnapshotInterval = std::chrono::milliseconds(16);  // at most ~60 per second
constexpr auto kSliceBudget = std::chrono::milliseconds(8);
constexpr auto kPacedSleep = std::chrono::milliseconds(4);

std::unique_ptr<core::store::Recorder> makeRecorder(const core::Scenario& scenario,
                                                    const QString& path, std::string* error) {
  auto writer = core::store::RecordingWriter::create(path.toStdString(), {}, error);
  if (!writer) return nullptr;
  core::store::RecordingInfo info;
  info.scenarioText = core::writeScenario(scenario);
  info.startedAt = core::isoTimeNow();
  info.epochUnixNs = core::unixNowNs();
  return std::make_unique<core::store::Recorder>(std::move(writer), std::move(info),
                                                 scenario.warmup,
                                                 core::chooseBucketWidth(scenario.duration));
}
}  // namespace

RunController::RunController(QObject* parent) : QObject(parent) {
  m_worker = std::thread([this] { workerLoop(); });
}

RunController::~RunController() {
  post([this] { finishRecording(true); });
  {
    std::lock_guard lock(m_mutex);
    m_quit = true;
  }
  m_wake.notify_all();
  m_worker.join();
}

void RunController::post(Command command) {
  {
    std::lock_guard lock(m_mutex);
    m_commands.push_back(std::move(command));
    ++m_posted;
  }
  m_wake.notify_all();
}

void RunController::sync() {
  std::unique_lock lock(m_mutex);
  const std::uint64_t target = m_posted;
  m_doneChanged.wait(lock, [&] { return m_done >= target || m_quit; });
}

std::shared_ptr<const LiveSnapshot> RunController::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

std::uint64_t RunController::newGeneration() {
  std::lock_guard lock(m_mutex);
  m_latest.reset();  // from now on latest() shows nothing of the session being replaced
  return ++m_generation;
}

void RunController::load(const core::Scenario& scenario) {
  post([this, scenario, generation = newGeneration()] {
    startSession(scenario, {});
    m_sessionGeneration = generation;
  });
}

void RunController::unload() {
  post([this, generation = newGeneration()] {
    finishRecording(true);
    m_session.reset();
    m_sessionGeneration = generation;
    setState(State::Ready);
  });
}

void RunController::record(const QString& path) {
  post([this, path, generation = newGeneration()] {
    if (m_session) startSession(m_session->scenario, path);
    m_sessionGeneration = generation;
  });
}

void RunController::reset() {
  post([this, generation = newGeneration()] {
    if (m_session) startSession(m_session->scenario, m_session->recordPath);
    m_sessionGeneration = generation;
  });
}

void RunController::rewindTo(core::SimTime t) {
  post([this, t, generation = newGeneration()] {
    if (!m_session || m_state.load() == State::Running) return;
    // Everything the person did, before and after t, is done again when its time comes.
    std::vector<Intervention> history = std::move(m_interventions);
    history.insert(history.end(), std::make_move_iterator(m_pending.begin()),
                   std::make_move_iterator(m_pending.end()));
    startSession(m_session->scenario, {});
    m_sessionGeneration = generation;
    m_pending = std::move(history);
    m_replaying = true;  // what happened before t happened already: no news
    advanceWithPending(t);
    m_replaying = false;
    setState(m_session->engine->finished() ? State::Finished : State::Paused);
  });
}

void RunController::logIntervention(Intervention intervention) {
  intervention.at = m_session->engine->now();
  m_interventions.push_back(std::move(intervention));
}

void RunController::applyDue() {
  while (!m_pending.empty() && m_pending.front().at <= m_session->engine->now()) {
    Intervention due = std::move(m_pending.front());
    m_pending.erase(m_pending.begin());
    if (due.fault)
      applyFault(*due.fault);
    else
      applyRedrive(due.redrive);
  }
  m_session->holdAt = m_pending.empty() ? core::kNever : m_pending.front().at;
}

void RunController::advanceWithPending(core::SimTime t) {
  applyDue();
  while (!m_pending.empty() && m_pending.front().at <= t && !m_session->engine->finished()) {
    m_session->engine->advanceTo(m_pending.front().at);
    applyDue();
  }
  m_session->engine->advanceTo(t);
  applyDue();
}

void RunController::run() {
  post([this] {
    if (!m_session || m_session->engine->finished()) return;
    m_session->anchor(WallClock::now());
    setState(State::Running);
  });
}

void RunController::pause() {
  post([this] {
    if (m_state.load() == State::Running) setState(State::Paused);
  });
}

void RunController::step() {
  post([this] {
    if (!m_session || m_state.load() == State::Running) return;
    const bool more = m_session->engine->step();
    applyDue();
    if (!more) {
      finishRecording(false);
      setState(State::Finished);
    } else {
      setState(State::Paused);
    }
  });
}

void RunController::advanceTo(core::SimTime t) {
  post([this, t] {
    if (!m_session || m_state.load() == State::Running) return;
    advanceWithPending(t);
    if (m_session->engine->finished()) {
      finishRecording(false);
      setState(State::Finished);
    } else {
      setState(State::Paused);
    }
  });
}

void RunController::setSpeed(double speed) {
  post([this, speed] {
    m_speed.store(speed);
    if (m_session) m_session->anchor(WallClock::now());
  });
}

// A new intervention changes the past of everything still pending: that future is dropped.
void RunController::inject(const LiveFault& fault) {
  post([this, fault] {
    if (m_session) m_session->holdAt = core::kNever;
    m_pending.clear();
    applyFault(fault);
  });
}

void RunController::redrive(std::vector<std::uint64_t> deadLetterEventIds) {
  post([this, ids = std::move(deadLetterEventIds)] {
    if (m_session) m_session->holdAt = core::kNever;
    m_pending.clear();
    applyRedrive(ids);
  });
}

void RunController::refuse(const std::string& reason) {
  if (m_replaying) return;
  QMetaObject::invokeMethod(
      this, [this, message = QString::fromStdString(reason)] { Q_EMIT faultRefused(message); },
      Qt::QueuedConnection);
}

void RunController::applied(const std::string& description) {
  if (m_replaying) return;
  QMetaObject::invokeMethod(
      this,
      [this, text = QString::fromStdString(description), at = m_session->engine->now()] {
        Q_EMIT faultApplied(text, at);
      },
      Qt::QueuedConnection);
}

void RunController::setState(State state) {
  if (m_state.exchange(state) == state) return;
  QMetaObject::invokeMethod(
      this, [this, state] { Q_EMIT stateChanged(state); }, Qt::QueuedConnection);
}

void RunController::startSession(core::Scenario scenario, QString recordTo) {
  finishRecording(true);
  m_session.reset();
  std::unique_ptr<core::store::Recorder> recorder;
  if (!recordTo.isEmpty()) {
    std::string error;
    recorder = makeRecorder(scenario, recordTo, &error);
    if (!recorder) {
      QMetaObject::invokeMethod(
          this,
          [this, recordTo, message = QString::fromStdString(error)] {
            Q_EMIT recordingFinished(recordTo, message);
          },
          Qt::QueuedConnection);
    }
  }
  m_recording.store(recorder != nullptr);
  m_interventions.clear();
  m_pending.clear();
  m_session = std::make_unique<LiveSession>(scenario, std::move(recorder),
                                            m_recording.load() ? recordTo : QString());
  setState(State::Ready);
}

void RunController::finishRecording(bool stoppedEarly) {
  if (!m_session || !m_session->recorder) return;
  LiveSession& session = *m_session;
  if (!session.engine->finished()) session.engine->finish();
  const double wall = std::chrono::duration<double>(WallClock::now() - session.started).count();
  const core::RunReport report =
      session.metrics.report(wall, session.engine->engineEvents(), stoppedEarly);
  std::string error;
  session.recorder->finish(&report, &error);
  const QString path = session.recordPath;
  session.recorder.reset();
  session.recordPath.clear();
  m_recording.store(false);
  QMetaObject::invokeMethod(
      this,
      [this, path, message = QString::fromStdString(error)] {
        Q_EMIT recordingFinished(path, message);
      },
      Qt::QueuedConnection);
}

void RunController::applyFault(const LiveFault& fault) {
  if (!m_session) return;
  core::Bus& bus = m_session->engine->bus();
  const core::Scenario& scenario = m_session->scenario;
  using Kind = LiveFault::Kind;
  bool refused = false;
  const auto refuseOnce = [&](const std::string& reason) {
    refused = true;
    refuse(reason);
  };
  const auto upInstances = [&](std::uint32_t service) {
    int count = 0;
    for (const auto& instance : bus.services()[service].instances)
      if (instance.state != core::InstanceState::Removed) ++count;
    return count;
  };
  switch (fault.kind) {
    case Kind::Crash:
      bus.crash(fault.target, 1, std::nullopt);
      break;
    case Kind::Recover:
      bus.recover(fault.target, 1);
      break;
    case Kind::AddInstance:
      bus.setInstances(fault.target, upInstances(fault.target) + 1);
      break;
    case Kind::RemoveInstance: {
      const int before = upInstances(fault.target);
      if (before <= 1) {
        refuseOnce("'" + scenario.services[fault.target].name + "' keeps its last instance");
        break;
      }
      bus.setInstances(fault.target, before - 1);
      if (upInstances(fault.target) == before)
        refuseOnce("every instance of '" + scenario.services[fault.target].name +
                   "' is busy: none was removed");
      break;
    }
    case Kind::Slow:
      bus.setSlowFactor(fault.target, kLiveSlowFactor);
      break;
    case Kind::Unslow:
      bus.setSlowFactor(fault.target, 1);
      break;
    case Kind::PauseProducer:
      bus.setProducerPaused(fault.target, true);
      break;
    case Kind::ResumeProducer:
      bus.setProducerPaused(fault.target, false);
      break;
    case Kind::InjectPoison:
    case Kind::InjectSchema: {
      const InjectionPlan plan = planInjection(scenario, fault);
      if (plan.injection)
        bus.inject(*plan.injection);
      else
        refuseOnce(plan.unavailable);
      break;
    }
    case Kind::Duplicate:
      bus.setDuplication(fault.target, kLiveDuplicateFraction);
      break;
    case Kind::StopDuplicate:
      bus.setDuplication(fault.target, 0);
      break;
  }
  if (refused) return;
  logIntervention({.fault = fault});
  std::string description = describeFault(scenario, fault);
  if (fault.kind == Kind::InjectPoison || fault.kind == Kind::InjectSchema) {
    const core::InjectSpec injected = *planInjection(scenario, fault).injection;
    description += " (" + injected.event + (injected.key ? ", key " + *injected.key : "") +
                   ", schema " + std::to_string(injected.schema) + ", into " + injected.topic + ")";
  }
  applied(description);
}

void RunController::publish(bool force) {
  static thread_local WallClock::time_point last;
  const auto now = WallClock::now();
  if (!m_session || (!force && now - last < kSnapshotInterval)) return;
  last = now;
  std::uint64_t serial = 1;
  {
    std::lock_guard lock(m_mutex);
    if (m_latest) serial = m_latest->serial + 1;
  }
  auto snapshot = m_session->snapshot(serial, force);
  std::lock_guard lock(m_mutex);
  // A session that the GUI has already replaced (its command is still queued) shows nothing.
  if (m_sessionGeneration == m_generation) m_latest = std::move(snapshot);
}

void RunController::advanceSlice() {
  const bool more = m_session->advance(m_speed.load(), kSliceBudget);
  applyDue();
  if (!more) {
    finishRecording(false);
    // The last picture first: whoever hears "finished" finds the final state in latest().
    publish(true);
    setState(State::Finished);
  }
}

void RunController::workerLoop() {
  std::unique_lock lock(m_mutex);
  while (true) {
    m_wake.wait(lock,
                [&] { return m_quit || !m_commands.empty() || m_state.load() == State::Running; });
    // Commands sent before quitting still run (the destructor's last one finishes a recording).
    if (m_quit && m_commands.empty()) break;
    std::vector<Command> commands = std::move(m_commands);
    m_commands.clear();
    lock.unlock();
    for (auto& command : commands)
      command();
    if (m_state.load() == State::Running && !m_quit) advanceSlice();
    publish(!commands.empty() || m_state.load() != State::Running);
    lock.lock();
    m_done += commands.size();
    m_doneChanged.notify_all();
    if (m_state.load() == State::Running && m_speed.load() != kMaxSpeed)
      m_wake.wait_for(lock, kPacedSleep, [&] { return m_quit || !m_commands.empty(); });
  }
  m_doneChanged.notify_all();
}

}  // namespace eventscope::ui
