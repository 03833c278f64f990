#include "ui/controller/live_session.h"

#include <algorithm>
#include <cmath>

namespace eventscope::ui {

LiveSession::LiveSession(const core::Scenario& model,
                         std::unique_ptr<core::store::Recorder> recorderToUse, QString path)
    : scenario(model),
      metrics(model.warmup, core::chooseBucketWidth(model.duration)),
      recorder(std::move(recorderToUse)),
      recordPath(std::move(path)) {
  fanout.add(&metrics);
  fanout.add(&tokens);
  fanout.add(&deadLetters);
  fanout.add(recorder.get());
  engine = std::make_unique<core::Engine>(scenario, &fanout);
  engine->advanceTo(0);  // starts the run, so the first snapshot shows the topology at time 0
}

void LiveSession::anchor(WallClock::time_point wall) {
  m_anchorWall = wall;
  m_anchorSim = engine->now();
}

bool LiveSession::advance(double speed, WallClock::duration budget) {
  const auto start = WallClock::now();
  if (speed > 0) {
    const double elapsed = std::chrono::duration<double>(start - m_anchorWall).count();
    const auto target = m_anchorSim + static_cast<core::SimTime>(elapsed * speed * 1e9);
    // Advance in chunks so a slow model still returns within the budget; when it cannot keep
    // up, the pacing restarts from where it got (it slows down instead of bursting later).
    while (engine->now() < std::min(target, holdAt) && !engine->finished()) {
      const core::SimTime next = std::min({target, engine->now() + m_chunk, holdAt});
      const auto before = WallClock::now();
      engine->advanceTo(next);
      const auto took = WallClock::now() - before;
      m_chunk = took < std::chrono::milliseconds(1) ? std::min(m_chunk * 2, kMaxChunk)
                                                    : std::max<core::SimTime>(m_chunk / 2, 1000);
      if (WallClock::now() - start > budget) {
        // Out of time for this slice. Only when it is far behind (the model is heavier than
        // the speed asks for) does the pacing restart from here, slowing down instead of
        // bursting later; a short delay (the machine was busy) is caught up.
        if (core::toSeconds(target - engine->now()) / speed > 0.25) anchor(WallClock::now());
        break;
      }
    }
  } else {
    while (!engine->finished() && engine->now() < holdAt && WallClock::now() - start < budget) {
      const auto before = WallClock::now();
      engine->advanceTo(std::min(engine->now() + m_chunk, holdAt));
      const auto took = WallClock::now() - before;
      if (took < std::chrono::milliseconds(2))
        m_chunk = std::min(m_chunk * 2, kMaxChunk);
      else if (took > std::chrono::milliseconds(4))
        m_chunk = std::max<core::SimTime>(m_chunk / 2, 1000);
    }
  }
  return !engine->finished();
}

void LiveSession::copySeriesIfGrown() {
  const core::TimeSeries& live = metrics.series();
  if (live.bucketCount() == m_seriesBuckets && m_series) return;
  m_series = std::make_shared<const core::TimeSeries>(live);
  m_seriesBuckets = live.bucketCount();
}

double LiveSession::recentThroughput(std::size_t service) const {
  // Acks over the last simulated second of closed buckets: one bucket alone is too coarse
  // (a 100 ms bucket counts in steps of 10/s).
  if (!m_series || service >= m_series->services.size()) return 0;
  const auto& buckets = m_series->services[service];
  const double width = core::toSeconds(m_series->bucketWidth);
  if (buckets.empty() || width <= 0) return 0;
  const std::size_t count =
      std::min(buckets.size(), static_cast<std::size_t>(std::ceil(1.0 / width)));
  double acked = 0;
  for (std::size_t i = buckets.size() - count; i < buckets.size(); ++i)
    acked += buckets[i].acked;
  return acked / (static_cast<double>(count) * width);
}

std::shared_ptr<const LiveSnapshot> LiveSession::snapshot(std::uint64_t serial, bool complete) {
  auto snap = std::make_shared<LiveSnapshot>();
  const core::Bus& bus = engine->bus();
  snap->serial = serial;
  snap->now = engine->now();
  snap->end = engine->end();
  snap->finished = engine->finished();
  snap->engineEvents = engine->engineEvents();

  const auto wall = WallClock::now();
  m_rates.push_back({wall, snap->engineEvents, snap->now});
  while (m_rates.size() > 2 && wall - m_rates[1].wall > std::chrono::milliseconds(500))
    m_rates.pop_front();
  const RateSample& first = m_rates.front();
  const double seconds = std::chrono::duration<double>(wall - first.wall).count();
  if (seconds > 0) {
    snap->engineEventsPerSecond =
        static_cast<double>(snap->engineEvents - first.engineEvents) / seconds;
    snap->achievedSpeed = core::toSeconds(snap->now - first.now) / seconds;
  }

  for (const auto& producer : bus.producers())
    snap->producers.push_back({producer.published, producer.paused, producer.blocked});
  for (std::uint32_t t = 0; t < bus.topics().size(); ++t) {
    const core::TopicState& topic = bus.topics()[t];
    TopicView view;
    for (std::uint32_t p = 0; p < static_cast<std::uint32_t>(topic.partitions); ++p)
      view.partitionDepth.push_back(bus.partitionDepth(t, p));
    view.capacity = topic.capacity == core::kUnbounded ? 0 : topic.capacity;
    view.produced = topic.produced;
    view.dropped = topic.dropped;
    view.rejected = topic.rejected;
    view.duplicateFraction = topic.duplicateFraction;
    snap->topics.push_back(std::move(view));
  }
  copySeriesIfGrown();
  for (std::uint32_t s = 0; s < bus.services().size(); ++s) {
    const core::ServiceState& service = bus.services()[s];
    ServiceView view;
    view.waiting = service.waiting();
    view.inProcess = service.inProcess();
    view.delayed = service.delayed();
    for (const auto& instance : service.instances)
      if (instance.state != core::InstanceState::Removed) view.instances.push_back(instance.state);
    view.slowFactor = service.slowFactor;
    view.throughput = recentThroughput(s);
    view.acked = service.counters.acked;
    view.retries = service.counters.retries;
    view.deadLettered = service.counters.deadLettered;
    view.duplicatesProcessed = service.counters.duplicatesProcessed;
    view.dropped = service.counters.dropped;
    snap->services.push_back(std::move(view));
  }
  snap->tokens = tokens.takeWindow(&snap->tokensSeen);
  snap->series = m_series;
  // A long list changing all the time (a model that dead-letters at a high rate) is copied at
  // most four times a second while running; a short one, or a paused run, every time.
  constexpr std::size_t kLongList = 1000;
  constexpr auto kLongListInterval = std::chrono::milliseconds(250);
  const bool mayWait =
      !complete && deadLetters.size() > kLongList && wall - m_deadLettersCopied < kLongListInterval;
  if (!mayWait) {
    m_deadLetterList = deadLetters.shared();
    m_deadLetterTotal = deadLetters.total();  // as of the list, so the two always agree
    m_deadLettersCopied = wall;
  }
  snap->deadLetters = m_deadLetterList;
  snap->deadLettersTotal = m_deadLetterTotal;
  return snap;
}

}  // namespace eventscope::ui
