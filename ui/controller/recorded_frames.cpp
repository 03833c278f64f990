#include "ui/controller/recorded_frames.h"

#include <algorithm>

#include "core/store/recording_batch.h"

namespace eventscope::ui {

namespace {

template <typename Spec>
std::optional<std::uint32_t> indexOf(const std::vector<Spec>& specs, const std::string& name) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == name) return static_cast<std::uint32_t>(i);
  return std::nullopt;
}

// "producer checkout" -> ("producer", "checkout"), as Recording names an event's origin.
std::pair<std::string, std::string> splitOrigin(const std::string& origin) {
  const auto space = origin.find(' ');
  if (space == std::string::npos) return {origin, {}};
  return {origin.substr(0, space), origin.substr(space + 1)};
}

}  // namespace

RecordedFrames::RecordedFrames(std::shared_ptr<const core::store::Recording> recording,
                               core::Scenario scenario, core::TimeSeries series)
    : m_recording(std::move(recording)), m_scenario(std::move(scenario)) {
  core::store::RecordingSummary summary;
  std::string ignored;
  if (m_recording->summary(summary, &ignored))
    m_end = std::max({summary.duration, summary.end, summary.lastEvent});
  m_end = std::max<core::SimTime>(
      m_end, static_cast<core::SimTime>(series.bucketCount()) * series.bucketWidth);
  for (const auto& name : series.serviceNames) {
    const auto index = indexOf(m_scenario.services, name);
    m_serviceIndex.push_back(index ? static_cast<int>(*index) : -1);
  }
  m_totals.resize(series.services.size());
  for (std::size_t s = 0; s < series.services.size(); ++s) {
    auto& totals = m_totals[s];
    totals.resize(series.services[s].size() + 1);
    for (std::size_t b = 0; b < series.services[s].size(); ++b) {
      const core::ServiceSample& sample = series.services[s][b];
      totals[b + 1] = {totals[b].acked + sample.acked, totals[b].retries + sample.retries,
                       totals[b].deadLettered + sample.deadLettered,
                       totals[b].duplicates + sample.duplicatesProcessed,
                       totals[b].dropped + sample.dropped};
    }
  }
  m_series = std::make_shared<const core::TimeSeries>(std::move(series));
}

std::optional<NodeRef> RecordedFrames::nodeOf(const std::string& origin) const {
  const auto [kind, name] = splitOrigin(origin);
  if (kind == "producer" || kind == "source") {
    if (auto index = indexOf(m_scenario.producers, name))
      return NodeRef{NodeKind::Producer, *index};
    if (auto index = indexOf(m_scenario.services, name)) return NodeRef{NodeKind::Service, *index};
  } else if (kind == "service") {
    if (auto index = indexOf(m_scenario.services, name)) return NodeRef{NodeKind::Service, *index};
  } else if (kind == "broker") {
    // "broker (for billing)": the broker dead-letters on the service's behalf.
    const std::string service = name.size() > 6 ? name.substr(5, name.size() - 6) : std::string();
    if (auto index = indexOf(m_scenario.services, service))
      return NodeRef{NodeKind::Service, *index};
  }
  return std::nullopt;
}

bool RecordedFrames::snapshotAt(core::SimTime t, core::SimTime tokenWindow, LiveSnapshot& out,
                                std::string* error) const {
  out = LiveSnapshot{};
  out.now = std::clamp<core::SimTime>(t, 0, m_end);
  out.end = m_end;
  out.finished = out.now >= m_end;
  out.series = m_series;
  out.producers.resize(m_scenario.producers.size(),
                       ProducerView{.published = 0, .publishedKnown = false});
  out.topics.resize(m_scenario.topics.size());
  for (std::size_t i = 0; i < m_scenario.topics.size(); ++i) {
    const core::TopicSpec& spec = m_scenario.topics[i];
    out.topics[i].partitionDepth.assign(static_cast<std::size_t>(std::max(1, spec.partitions)), 0);
    out.topics[i].capacity = spec.capacity.value_or(0);
  }
  out.services.resize(m_scenario.services.size());

  core::store::StateAt state;
  if (!m_recording->stateAt(out.now, state, error)) {
    // An imported recording has no checkpoints: its picture is its tokens alone.
    if (!m_series->services.empty()) return false;
    error->clear();
  }
  const auto& topicNames = m_recording->names(core::store::NameKind::Topic);
  for (std::size_t s = 0; s < state.services.size() && s < m_serviceIndex.size(); ++s) {
    if (m_serviceIndex[s] < 0) continue;
    const core::store::ServiceStateAt& at = state.services[s];
    ServiceView& view = out.services[static_cast<std::size_t>(m_serviceIndex[s])];
    view.inProcess = at.inProcess;
    view.delayed = at.delayed;
    view.waiting = at.held >= at.inProcess + at.delayed ? at.held - at.inProcess - at.delayed : 0;
    for (int instance : at.instances)
      if (instance != static_cast<int>(core::InstanceState::Removed))
        view.instances.push_back(static_cast<core::InstanceState>(instance));
    for (const core::store::QueueState& queue : at.queues) {
      if (queue.topic >= topicNames.size()) continue;
      const auto topic = indexOf(m_scenario.topics, topicNames[queue.topic]);
      if (!topic) continue;
      auto& depth = out.topics[*topic].partitionDepth;
      if (queue.partition < depth.size())
        depth[queue.partition] = std::max(depth[queue.partition], queue.held);
    }
  }
  // Running totals over the buckets that closed before t.
  const core::SimTime width = std::max<core::SimTime>(1, m_series->bucketWidth);
  for (std::size_t s = 0; s < m_totals.size(); ++s) {
    if (m_serviceIndex[s] < 0 || m_totals[s].empty()) continue;
    const std::size_t closed =
        std::min(static_cast<std::size_t>(out.now / width), m_totals[s].size() - 1);
    ServiceView& view = out.services[static_cast<std::size_t>(m_serviceIndex[s])];
    const Totals& totals = m_totals[s][closed];
    view.acked = totals.acked;
    view.retries = totals.retries;
    view.deadLettered = totals.deadLettered;
    view.duplicatesProcessed = totals.duplicates;
    view.dropped = totals.dropped;
    if (closed > 0) view.throughput = m_series->services[s][closed - 1].throughput;
  }

  core::store::EventQuery query;
  query.from = std::max<core::SimTime>(0, out.now - std::max<core::SimTime>(1, tokenWindow));
  query.to = out.now + 1;
  query.limit = kMaxTokens;
  core::store::EventPage page;
  if (!m_recording->events(query, page, error)) return false;
  addTokens(page, out.now, out);
  out.tokensSeen = out.tokens.size();
  return true;
}

void RecordedFrames::addTokens(const core::store::EventPage& page, core::SimTime t,
                               LiveSnapshot& out) const {
  for (const core::store::RecordedEvent& event : page.events) {
    const auto topic = indexOf(m_scenario.topics, event.topic);
    if (!topic) continue;
    const NodeRef topicNode{NodeKind::Topic, *topic};
    const auto from = nodeOf(event.origin);
    TokenKind kind = TokenKind::Publish;
    if (from && from->kind == NodeKind::Service) {
      const core::ServiceSpec& service = m_scenario.services[from->index];
      kind = service.deadLetter == event.topic ? TokenKind::DeadLetter : TokenKind::Emit;
    }
    out.tokens.push_back({from.value_or(topicNode), topicNode, kind, event.correlation});
  }
  for (const core::store::RecordedSpan& span : page.spans) {
    if (span.start > t) continue;  // not delivered yet at t
    const auto service = indexOf(m_scenario.services, span.service);
    if (!service) continue;
    // Events come in id order: find the span's event by binary search.
    const auto event = std::lower_bound(
        page.events.begin(), page.events.end(), span.event,
        [](const core::store::RecordedEvent& e, std::uint64_t id) { return e.id < id; });
    const auto topic = event == page.events.end() || event->id != span.event
                           ? std::nullopt
                           : indexOf(m_scenario.topics, event->topic);
    if (!topic) continue;
    TokenKind kind = TokenKind::Deliver;
    if (span.outcome == core::store::SpanOutcome::Dropped)
      kind = TokenKind::Drop;
    else if ((span.reason & core::store::kDuplicateCopy) != 0)
      kind = TokenKind::Duplicate;
    else if (span.attempt > 1)
      kind = TokenKind::Retry;
    out.tokens.push_back(
        {{NodeKind::Topic, *topic}, {NodeKind::Service, *service}, kind, event->correlation});
  }
}

core::SimTime RecordedFrames::previousEventTime(core::SimTime t) const {
  std::optional<core::SimTime> before, after;
  std::string error;
  m_recording->eventTimesAround(t, before, after, &error);
  return before.value_or(0);
}

core::SimTime RecordedFrames::nextEventTime(core::SimTime t) const {
  std::optional<core::SimTime> before, after;
  std::string error;
  m_recording->eventTimesAround(t, before, after, &error);
  return after.value_or(m_end);
}

}  // namespace eventscope::ui
