#include "ui/controller/token_sampler.h"

namespace eventscope::ui {

namespace {
NodeRef topicNode(std::uint32_t topic) {
  return {NodeKind::Topic, topic};
}
NodeRef serviceNode(std::uint32_t service) {
  return {NodeKind::Service, service};
}
}  // namespace

void TokenSampler::onPublished(core::SimTime, const core::Event& event,
                               const core::PublisherRef& by) {
  using Kind = core::PublisherRef::Kind;
  switch (by.kind) {
    case Kind::Producer:
      add({{NodeKind::Producer, by.index}, topicNode(event.topic), TokenKind::Publish});
      break;
    case Kind::Instance:
    case Kind::Broker: {
      const bool deadLetter = m_bus != nullptr && by.index < m_bus->services().size() &&
                              m_bus->services()[by.index].deadLetterTopic == event.topic;
      add({serviceNode(by.index), topicNode(event.topic),
           deadLetter ? TokenKind::DeadLetter : TokenKind::Emit});
      break;
    }
    case Kind::Injection:
    case Kind::Replay:
      // No node publishes these: the token starts and ends at the topic.
      add({topicNode(event.topic), topicNode(event.topic), TokenKind::Publish});
      break;
  }
}

void TokenSampler::onRefused(core::SimTime, const core::Event& event, core::Refusal,
                             std::int32_t service, std::uint32_t) {
  const NodeRef topic = topicNode(event.topic);
  add({topic, service < 0 ? topic : serviceNode(static_cast<std::uint32_t>(service)),
       TokenKind::Drop});
}

void TokenSampler::onEnqueued(core::SimTime, std::uint32_t service, std::uint32_t,
                              const core::Event& event, core::DeliveryCause cause) {
  TokenKind kind = TokenKind::Deliver;
  switch (cause) {
    case core::DeliveryCause::Original:
      break;
    case core::DeliveryCause::BrokerDuplicate:
      kind = TokenKind::Duplicate;
      break;
    case core::DeliveryCause::Retry:
    case core::DeliveryCause::CrashRedelivery:
    case core::DeliveryCause::TimeoutRedelivery:
      kind = TokenKind::Retry;
      break;
  }
  add({topicNode(event.topic), serviceNode(service), kind});
}

void TokenSampler::add(const Token& token) {
  ++m_seen;
  if (token.kind != TokenKind::Publish && token.kind != TokenKind::Deliver &&
      token.kind != TokenKind::Emit) {
    if (m_rare.size() < kRarePerWindow) m_rare.push_back(token);
    return;
  }
  ++m_commonSeen;
  if (m_common.size() < kCommonPerWindow) {
    m_common.push_back(token);
    return;
  }
  m_random ^= m_random << 13;
  m_random ^= m_random >> 7;
  m_random ^= m_random << 17;
  const std::uint64_t slot = m_random % m_commonSeen;
  if (slot < kCommonPerWindow) m_common[slot] = token;
}

std::vector<Token> TokenSampler::takeWindow(std::uint64_t* seen) {
  std::vector<Token> window;
  window.reserve(m_common.size() + m_rare.size());
  window.insert(window.end(), m_common.begin(), m_common.end());
  window.insert(window.end(), m_rare.begin(), m_rare.end());
  if (seen != nullptr) *seen = m_seen;
  m_common.clear();
  m_rare.clear();
  m_commonSeen = 0;
  m_seen = 0;
  return window;
}

}  // namespace eventscope::ui
