#include "ui/window/fault_menu.h"

#include <QIcon>

#include "ui/controller/live_fault.h"
#include "ui/controller/run_controller.h"

namespace eventscope::ui {

void addFaultActions(QMenu* menu, RunController* controller, const core::Scenario& scenario,
                     core::NodeRef node, const LiveSnapshot* snapshot) {
  using Kind = LiveFault::Kind;
  const bool live = snapshot != nullptr && !snapshot->finished;
  const auto add = [&](const QString& icon, Kind kind, const QString& unavailable = {}) {
    const LiveFault fault{kind, node.index};
    QString text = QString::fromStdString(describeFault(scenario, fault));
    text[0] = text[0].toUpper();
    QAction* action = menu->addAction(icon.isEmpty() ? QIcon() : QIcon(icon), text);
    action->setEnabled(live && unavailable.isEmpty());
    if (!live)
      action->setToolTip(QObject::tr("Faults apply to a running model: press Run first"));
    else if (!unavailable.isEmpty())
      action->setToolTip(unavailable);
    QObject::connect(action, &QAction::triggered, controller,
                     [controller, fault] { controller->inject(fault); });
  };
  menu->setToolTipsVisible(true);
  switch (node.kind) {
    case core::NodeKind::Service: {
      const ServiceView* view = live && node.index < snapshot->services.size()
                                    ? &snapshot->services[node.index]
                                    : nullptr;
      bool anyUp = true, anyDown = false;
      if (view != nullptr) {
        anyUp = false;
        for (auto state : view->instances) {
          anyDown |= state == core::InstanceState::Down;
          anyUp |= state != core::InstanceState::Down;
        }
      }
      add(QStringLiteral(":/icons/crash.svg"), Kind::Crash,
          anyUp ? QString() : QObject::tr("every instance is down already"));
      add(QStringLiteral(":/icons/recover.svg"), Kind::Recover,
          anyDown ? QString() : QObject::tr("no instance is down"));
      add({}, Kind::AddInstance);
      add({}, Kind::RemoveInstance);
      if (view != nullptr && view->slowFactor > 1)
        add({}, Kind::Unslow);
      else
        add({}, Kind::Slow);
      const InjectionPlan plan = planInjection(scenario, {Kind::InjectPoison, node.index});
      add({}, Kind::InjectPoison, QString::fromStdString(plan.unavailable));
      break;
    }
    case core::NodeKind::Producer: {
      const bool paused =
          live && node.index < snapshot->producers.size() && snapshot->producers[node.index].paused;
      add({}, paused ? Kind::ResumeProducer : Kind::PauseProducer);
      break;
    }
    case core::NodeKind::Topic: {
      add({}, Kind::InjectSchema);
      const bool duplicating = live && node.index < snapshot->topics.size() &&
                               snapshot->topics[node.index].duplicateFraction > 0;
      add({}, duplicating ? Kind::StopDuplicate : Kind::Duplicate);
      break;
    }
  }
}

}  // namespace eventscope::ui
