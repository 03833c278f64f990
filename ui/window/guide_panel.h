#pragma once

#include <QTextBrowser>

namespace eventscope::ui {

// Help > Guide: the short built-in guide (Markdown bundled with the program), shown in a dock
// beside the work rather than in a dialog that hides it.
class GuidePanel : public QTextBrowser {
  Q_OBJECT

 public:
  explicit GuidePanel(QWidget* parent = nullptr);
  // Scrolls to the section whose heading starts with `heading` ("Traces"); false if none.
  bool showSection(const QString& heading);
};

}  // namespace eventscope::ui
