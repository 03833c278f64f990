#pragma once

#include <QStringList>
#include <QWidget>

class QVBoxLayout;

namespace eventscope::ui {

// What a person sees first: the bundled demo models (each with the first line of its comment),
// a new empty model, opening a file, and the recent files.
class WelcomePage : public QWidget {
  Q_OBJECT

 public:
  explicit WelcomePage(QWidget* parent = nullptr);
  void setRecentFiles(const QStringList& files);

  // The demos bundled in the executable: resource paths, sorted.
  static QStringList demoResources();

 Q_SIGNALS:
  void demoRequested(const QString& resource);
  void newRequested();
  void lessonsRequested();
  void openRequested();
  // Open a recording…: the open dialog showing recordings first.
  void openRecordingRequested();
  void importRequested();
  void recentRequested(const QString& path);

 private:
  QVBoxLayout* m_recent;
};

}  // namespace eventscope::ui
