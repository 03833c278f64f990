#include "ui/window/gui_main.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QImageWriter>
#include <QPixmap>
#include <QTimer>
#include <iostream>

#include "ui/charts/charts_panel.h"
#include "ui/controller/recording_player.h"
#include "ui/controller/run_controller.h"
#include "ui/topology/topology_view.h"
#include "ui/window/main_window.h"

namespace eventscope::ui {

namespace {
void describeApplication() {
  QApplication::setOrganizationName(QStringLiteral("Eventscope"));
  QApplication::setOrganizationDomain(QStringLiteral("eventscope.dev"));
  QApplication::setApplicationName(QStringLiteral("eventscope"));
  QApplication::setApplicationDisplayName(QStringLiteral("Eventscope"));
  QApplication::setApplicationVersion(QStringLiteral(EVENTSCOPE_VERSION));
  // Ties the windows to the installed launcher (Wayland's app id, the taskbar's icon and name).
  QGuiApplication::setDesktopFileName(QStringLiteral("dev.eventscope.Eventscope"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/eventscope.svg")));
}

// Lets queued signals and layout requests run, so a picture shows the settled window.
void settle(int rounds = 5) {
  for (int i = 0; i < rounds; ++i)
    QApplication::processEvents();
}
}  // namespace

int runGui(int argc, char** argv, const QString& file) {
  QApplication app(argc, argv);
  describeApplication();
  MainWindow window;
  window.show();
  if (!file.isEmpty()) {
    QString error;
    // Said on the terminal and in a dialog (a launcher has no terminal); the welcome page stays.
    if (!window.openFile(file, &error, true)) {
      std::cerr << error.toStdString() << '\n';
      QTimer::singleShot(0, &window, [&window, file, error] { window.showOpenError(file, error); });
    }
  }
  return QApplication::exec();
}

int renderSnapshot(int argc, char** argv, const QString& file, core::SimTime at, QSize size,
                   const QString& output) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  // The offscreen platform's notes (no window manager, no runtime directory) mean nothing to
  // a person asking for a picture.
  qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtDebugMsg || type == QtInfoMsg) return;
    if (message.contains(QLatin1String("propagateSizeHints")) ||
        message.contains(QLatin1String("XDG_RUNTIME_DIR")))
      return;
    std::cerr << message.toStdString() << '\n';
  });
  QApplication app(argc, argv);
  describeApplication();
  // The picture must not depend on this user's saved layout or palette.
  QApplication::setOrganizationName(QStringLiteral("Eventscope-snapshot"));
  MainWindow window;
  window.resize(size);
  window.show();
  QString error;
  if (!window.openFile(file, &error, true)) {
    std::cerr << error.toStdString() << '\n';
    return 2;
  }
  if (window.recordingMode()) {
    // A recording is shown as it was at `at`: the debugger's own picture.
    settle();
    window.view()->fitModel();
    window.player()->seek(at);
    window.showLatest(true);
  } else if (!window.runnable()) {
    std::cerr << "eventscope snapshot: " << file.toStdString()
              << ": the model has problems; run 'eventscope validate' on it\n";
    return 2;
  } else {
    settle();
    window.view()->fitModel();
    RunController* controller = window.controller();
    // Tokens show what moved in the last moment before `at`, spread along their edges.
    const core::SimTime before = std::max<core::SimTime>(0, at - 30 * core::kMillisecond);
    controller->advanceTo(before);
    controller->sync();
    window.showLatest();
    controller->advanceTo(at);
    controller->sync();
    window.showLatest(true);
  }
  settle();
  window.charts()->redraw();
  settle();
  const QPixmap picture = window.grab();
  if (!picture.save(output, "PNG")) {
    std::cerr << "eventscope snapshot: cannot write " << output.toStdString() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace eventscope::ui
