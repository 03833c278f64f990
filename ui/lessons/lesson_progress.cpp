#include "ui/lessons/lesson_progress.h"

#include <QSettings>
#include <QVariant>

namespace eventscope::ui {

namespace {
QString key(const QString& lessonId, const QString& what) {
  return QStringLiteral("lessons/%1/%2").arg(lessonId, what);
}
}  // namespace

int LessonProgress::step(const QString& lessonId) const {
  return QSettings().value(key(lessonId, QStringLiteral("step")), 0).toInt();
}

void LessonProgress::setStep(const QString& lessonId, int step) {
  QSettings().setValue(key(lessonId, QStringLiteral("step")), step);
}

bool LessonProgress::passed(const QString& lessonId, int step) const {
  return QSettings().value(key(lessonId, QStringLiteral("passed/%1").arg(step)), false).toBool();
}

void LessonProgress::setPassed(const QString& lessonId, int step, bool passed) {
  QSettings().setValue(key(lessonId, QStringLiteral("passed/%1").arg(step)), passed);
}

void LessonProgress::forget(const QString& lessonId) {
  QSettings().remove(QStringLiteral("lessons/%1").arg(lessonId));
}

}  // namespace eventscope::ui
