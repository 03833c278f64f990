#include "ui/window/guide_panel.h"

#include <QFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>

namespace eventscope::ui {

GuidePanel::GuidePanel(QWidget* parent) : QTextBrowser(parent) {
  setObjectName(QStringLiteral("guide"));
  setOpenExternalLinks(true);
  QFile file(QStringLiteral(":/guide/guide.md"));
  if (file.open(QIODevice::ReadOnly))
    setMarkdown(QString::fromUtf8(file.readAll()));
  else
    setPlainText(tr("The guide is missing from this build."));
}

bool GuidePanel::showSection(const QString& heading) {
  for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
    if (block.blockFormat().headingLevel() > 0 && block.text().startsWith(heading)) {
      QTextCursor cursor(block);
      verticalScrollBar()->setValue(verticalScrollBar()->value() + cursorRect(cursor).top());
      return true;
    }
  }
  return false;
}

}  // namespace eventscope::ui
