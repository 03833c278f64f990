#include "ui/window/guide_panel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDockWidget>
#include <QToolBar>

#include "ui/window/main_window.h"

namespace eventscope::ui {
namespace {

TEST(GuidePanelTest, RendersTheBundledGuideWithEveryTopic) {
  GuidePanel guide;
  const QString text = guide.toPlainText();
  for (const char* topic :
       {"Modeling", "Running", "Faults", "Recordings", "Traces", "What-if", "Lessons"}) {
    EXPECT_NE(text.indexOf(QLatin1String(topic)), -1) << topic;
  }
  guide.resize(400, 300);
  guide.show();
  EXPECT_TRUE(guide.showSection(QStringLiteral("Traces")));
  EXPECT_FALSE(guide.showSection(QStringLiteral("No such section")));
}

TEST(GuidePanelTest, HelpGuideOpensItInADockBesideTheCanvas) {
  MainWindow window;
  window.resize(1400, 900);
  window.show();
  auto* dock = window.findChild<QDockWidget*>(QStringLiteral("guideDock"));
  ASSERT_NE(dock, nullptr);
  EXPECT_FALSE(dock->isVisible());
  QAction* guide = window.action(QStringLiteral("guide"));
  ASSERT_NE(guide, nullptr);
  EXPECT_EQ(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
  guide->trigger();
  EXPECT_TRUE(dock->isVisible());
  EXPECT_NE(dock->findChild<GuidePanel*>(), nullptr);
}

TEST(GuidePanelTest, EveryToolbarActionExplainsItselfInATooltip) {
  MainWindow window;
  for (QToolBar* bar : window.findChildren<QToolBar*>()) {
    for (QAction* action : bar->actions()) {
      if (action->isSeparator() || action->text().isEmpty()) continue;  // widgets (speed box)
      const QString label = QString(action->text()).remove(QLatin1Char('&'));
      EXPECT_GT(action->toolTip().size(), label.size())
          << bar->objectName().toStdString() << ": '" << label.toStdString()
          << "' has only its label as tooltip";
    }
  }
}

}  // namespace
}  // namespace eventscope::ui
