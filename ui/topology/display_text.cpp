#include "ui/topology/display_text.h"

#include <cmath>

namespace eventscope::ui {

QString compactCount(double value) {
  const double magnitude = std::abs(value);
  if (magnitude < 1000) {
    return magnitude == std::floor(magnitude) || magnitude >= 100
               ? QString::number(value, 'f', 0)
               : QString::number(value, 'f', magnitude < 10 ? 1 : 0);
  }
  static const char* suffixes[] = {"k", "M", "G", "T"};
  double scaled = value;
  int unit = -1;
  while (std::abs(scaled) >= 1000 && unit < 3) {
    scaled /= 1000;
    ++unit;
  }
  QString digits = QString::number(scaled, 'f', std::abs(scaled) < 10 ? 1 : 0);
  if (digits.endsWith(QStringLiteral(".0"))) digits.chop(2);  // 5k, not 5.0k
  return digits + suffixes[unit];
}

QString simClock(core::SimTime t, core::SimTime scale) {
  const double seconds = core::toSeconds(t);
  if (scale <= core::kMinute) return QString::number(seconds, 'f', 3) + " s";
  const auto minutes = static_cast<long long>(seconds / 60);
  const double rest = seconds - static_cast<double>(minutes) * 60;
  return QStringLiteral("%1:%2").arg(minutes).arg(rest, 6, 'f', 3, QLatin1Char('0'));
}

}  // namespace eventscope::ui
