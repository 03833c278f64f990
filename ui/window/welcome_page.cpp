#include "ui/window/welcome_page.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace eventscope::ui {

namespace {
struct DemoText {
  QString title, description;
};

// A demo's own words: its `name:`, and the first paragraph of its leading comment.
DemoText describe(const QString& resource) {
  DemoText text{QFileInfo(resource).completeBaseName(), {}};
  QFile file(resource);
  if (!file.open(QIODevice::ReadOnly)) return text;
  QStringList paragraph;
  bool inHeader = true;
  while (!file.atEnd()) {
    const QString line = QString::fromUtf8(file.readLine()).trimmed();
    if (inHeader && line.startsWith(QLatin1Char('#'))) {
      const QString words = line.mid(1).trimmed();
      // The paragraph ends at an empty comment line or a drawing (lines of arrows and bars).
      if (words.isEmpty() || words.contains(QStringLiteral("-->")) ||
          words.startsWith(QLatin1Char('|'))) {
        if (!paragraph.isEmpty()) inHeader = false;
        continue;
      }
      paragraph << words;
      continue;
    }
    inHeader = false;
    if (line.startsWith(QStringLiteral("name:"))) {
      text.title = line.mid(5).trimmed().remove(QLatin1Char('"'));
      break;
    }
  }
  text.description = paragraph.join(QLatin1Char(' '));
  return text;
}
}  // namespace

QStringList WelcomePage::demoResources() {
  QStringList demos;
  for (const QString& name :
       QDir(QStringLiteral(":/scenarios")).entryList({"*.yaml"}, QDir::Files, QDir::Name))
    demos << QStringLiteral(":/scenarios/") + name;
  return demos;
}

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
  auto* outer = new QHBoxLayout(this);
  outer->addStretch(1);
  auto* column = new QVBoxLayout;
  outer->addLayout(column, 3);
  outer->addStretch(1);
  column->addStretch(1);

  auto* title = new QLabel(tr("Eventscope"), this);
  QFont big = title->font();
  big.setPointSizeF(big.pointSizeF() * 2.2);
  big.setBold(true);
  title->setFont(big);
  column->addWidget(title);
  auto* subtitle = new QLabel(
      tr("Model an event-driven system, run it, and watch events flow, queues fill and drain, "
         "and faults ripple through."),
      this);
  subtitle->setWordWrap(true);
  column->addWidget(subtitle);
  column->addSpacing(16);

  auto* lessons = new QCommandLinkButton(
      tr("Start the lessons"),
      tr("Fifteen guided lessons on the live engine, from loose coupling to backpressure: "
         "predict, run, and see every claim checked."),
      this);
  lessons->setObjectName(QStringLiteral("startLessons"));
  lessons->setIcon(QIcon(QStringLiteral(":/icons/chart.svg")));
  connect(lessons, &QPushButton::clicked, this, &WelcomePage::lessonsRequested);
  column->addWidget(lessons);
  column->addSpacing(8);

  auto* demosTitle = new QLabel(tr("<b>Start with a demo</b>"), this);
  column->addWidget(demosTitle);
  for (const QString& demo : demoResources()) {
    const DemoText text = describe(demo);
    auto* button = new QCommandLinkButton(text.title, text.description, this);
    button->setIcon(QIcon(QStringLiteral(":/icons/run.svg")));
    connect(button, &QPushButton::clicked, this, [this, demo] { Q_EMIT demoRequested(demo); });
    column->addWidget(button);
  }
  column->addSpacing(12);
  auto* row = new QHBoxLayout;
  auto* newButton =
      new QPushButton(QIcon(QStringLiteral(":/icons/new.svg")), tr("New empty model"), this);
  auto* openButton =
      new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open a file…"), this);
  auto* recordingButton =
      new QPushButton(QIcon(QStringLiteral(":/icons/record.svg")), tr("Open a recording…"), this);
  recordingButton->setObjectName(QStringLiteral("openRecording"));
  recordingButton->setToolTip(tr("Debug a recorded run (.evrec): timeline, event log, traces"));
  auto* importButton = new QPushButton(tr("Import CloudEvents…"), this);
  importButton->setObjectName(QStringLiteral("importCloudEvents"));
  importButton->setToolTip(
      tr("Make a recording from CloudEvents JSON of a real system, and debug it here"));
  connect(newButton, &QPushButton::clicked, this, &WelcomePage::newRequested);
  connect(openButton, &QPushButton::clicked, this, &WelcomePage::openRequested);
  connect(recordingButton, &QPushButton::clicked, this, &WelcomePage::openRecordingRequested);
  connect(importButton, &QPushButton::clicked, this, &WelcomePage::importRequested);
  row->addWidget(newButton);
  row->addWidget(openButton);
  row->addWidget(recordingButton);
  row->addWidget(importButton);
  row->addStretch(1);
  column->addLayout(row);
  column->addSpacing(12);
  m_recent = new QVBoxLayout;
  column->addLayout(m_recent);
  column->addStretch(2);
}

void WelcomePage::setRecentFiles(const QStringList& files) {
  while (QLayoutItem* item = m_recent->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  if (files.isEmpty()) return;
  m_recent->addWidget(new QLabel(tr("<b>Recent files</b>"), this));
  for (const QString& path : files) {
    auto* button =
        new QPushButton(QFileInfo(path).fileName() + QStringLiteral("  —  ") + path, this);
    button->setFlat(true);
    button->setStyleSheet(QStringLiteral("text-align: left;"));
    connect(button, &QPushButton::clicked, this, [this, path] { Q_EMIT recentRequested(path); });
    m_recent->addWidget(button);
  }
}

}  // namespace eventscope::ui
