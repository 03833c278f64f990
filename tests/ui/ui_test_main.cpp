// The one GoogleTest main of the GUI tests: a QApplication on the offscreen platform (unless
// QT_QPA_PLATFORM says otherwise), with settings kept apart from the person's own.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Eventscope-tests"));
  QApplication::setApplicationName(QStringLiteral("eventscope-ui-tests"));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
