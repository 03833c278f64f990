#include "ui/common/image_export.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

namespace eventscope::ui {

bool saveWidgetImage(QWidget* widget, const QString& path, const QString& title, QString* error) {
  const QSize size = widget->size();
  if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0) {
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator)) {
      *error = QCoreApplication::translate("saveWidgetImage", "cannot write %1").arg(path);
      return false;
    }
    widget->render(&painter);
    painter.end();
    return true;
  }
  if (!widget->grab().save(path)) {
    *error =
        QCoreApplication::translate("saveWidgetImage", "cannot write %1 (use a .png or .svg name)")
            .arg(path);
    return false;
  }
  return true;
}

}  // namespace eventscope::ui
