#pragma once

#include <QString>

class QWidget;

namespace eventscope::ui {

// Saves what a widget shows as an image: SVG (vector, through QSvgGenerator) when the path ends
// in .svg, else a raster format Qt knows by the suffix (.png). `title` names the SVG document.
bool saveWidgetImage(QWidget* widget, const QString& path, const QString& title, QString* error);

}  // namespace eventscope::ui
