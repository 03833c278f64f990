#include "ui/window/exchange_jobs.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>
#include <fstream>
#include <set>
#include <sstream>

#include "core/store/recording.h"
#include "support/exchange_files.h"

namespace eventscope::ui {
namespace {

using core::testing::cloudEventLines;
using core::testing::filesNamedLike;

std::string readFile(const QString& path) {
  std::ifstream in(path.toStdString(), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeFile(const QString& path, const std::string& text) {
  std::ofstream(path.toStdString(), std::ios::binary) << text;
}

// Presses the progress dialog's Cancel once its bar has moved (the work is well under way).
class CancelWhenUnderWay : public QObject {
 public:
  explicit CancelWhenUnderWay(QWidget* parent) : m_parent(parent) {
    connect(&m_timer, &QTimer::timeout, this, [this] {
      auto* dialog = m_parent->findChild<QProgressDialog*>();
      if (!dialog || dialog->value() <= 0 || pressed) return;
      for (QPushButton* button : dialog->findChildren<QPushButton*>())
        button->click();
      pressed = true;
    });
    m_timer.start(2);
  }
  bool pressed = false;

 private:
  QWidget* m_parent;
  QTimer m_timer;
};

class ExchangeJobsTest : public ::testing::Test {
 protected:
  QString file(const QString& name) const { return dir.filePath(name); }
  // A recording imported from n generated CloudEvents.
  QString importedRecording(int n) {
    writeFile(file("in.jsonl"), cloudEventLines(n));
    const JobResult result = runWithProgressDialog(
        &window, "Import", "Importing", importWork(file("in.jsonl"), file("run.evrec"), false));
    EXPECT_EQ(result.outcome, JobOutcome::Done) << result.error.toStdString();
    return file("run.evrec");
  }
  QTemporaryDir dir;
  QWidget window;
};

TEST_F(ExchangeJobsTest, ImportsACloudEventsFileIntoARecording) {
  const QString recordingPath = importedRecording(3000);
  std::string error;
  const auto recording = core::store::Recording::open(recordingPath.toStdString(), &error);
  ASSERT_NE(recording, nullptr) << error;
  core::store::RecordingSummary summary;
  ASSERT_TRUE(recording->summary(summary, &error)) << error;
  EXPECT_EQ(summary.events, 3000u);
  EXPECT_EQ(recording->cloudEventAttributes(1).id, "e-0");
  EXPECT_EQ(window.findChild<QProgressDialog*>(), nullptr) << "the dialog went with the job";
}

TEST_F(ExchangeJobsTest, ExportsEveryFormatAsCoreWritesIt) {
  const QString recordingPath = importedRecording(5000);
  std::string error;
  const auto recording = core::store::Recording::open(recordingPath.toStdString(), &error);
  ASSERT_NE(recording, nullptr) << error;
  std::set<core::ExportFormat> formats;
  for (const ExportFormatChoice& choice : exportFormatChoices()) {
    formats.insert(choice.format);
    const QString output = defaultExportPathFor(recordingPath, choice);
    const JobResult result = runWithProgressDialog(
        &window, "Export", "Exporting", exportWork(recordingPath, choice.format, output));
    ASSERT_EQ(result.outcome, JobOutcome::Done) << result.error.toStdString();
    std::ostringstream expected;
    ASSERT_TRUE(core::exportRecording(*recording, choice.format, expected, &error)) << error;
    EXPECT_EQ(readFile(output), expected.str()) << choice.label.toStdString();
  }
  EXPECT_EQ(formats.size(), 5u) << "every core format is offered";
}

TEST_F(ExchangeJobsTest, CancellingALargeImportMidwayLeavesNothing) {
  writeFile(file("big.jsonl"), cloudEventLines(150000));  // about 55 MB: 7 chunks
  CancelWhenUnderWay canceller(&window);
  const JobResult result = runWithProgressDialog(
      &window, "Import", "Importing", importWork(file("big.jsonl"), file("big.evrec"), false));
  EXPECT_TRUE(canceller.pressed);
  EXPECT_EQ(result.outcome, JobOutcome::Cancelled);
  EXPECT_TRUE(filesNamedLike(file("big.evrec").toStdString()).empty());
}

TEST_F(ExchangeJobsTest, CancellingALargeExportMidwayKeepsTheFileThatWasThere) {
  const QString recordingPath = importedRecording(100000);
  const QString output = file("out.csv");
  writeFile(output, "an earlier export");
  CancelWhenUnderWay canceller(&window);
  const JobResult result = runWithProgressDialog(
      &window, "Export", "Exporting", exportWork(recordingPath, core::ExportFormat::Csv, output));
  EXPECT_TRUE(canceller.pressed);
  EXPECT_EQ(result.outcome, JobOutcome::Cancelled);
  EXPECT_EQ(readFile(output), "an earlier export");
  EXPECT_EQ(filesNamedLike(output.toStdString()), std::vector<std::string>{"out.csv"});
}

TEST_F(ExchangeJobsTest, ABrokenCloudEventsFileGivesItsLinesAndColumns) {
  const std::string good = cloudEventLines(1);
  std::string broken = good + "{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"T\"}\n" + good;
  broken += "    [1]\n";
  writeFile(file("broken.jsonl"), broken);
  const JobResult result =
      runWithProgressDialog(&window, "Import", "Importing",
                            importWork(file("broken.jsonl"), file("broken.evrec"), false));
  ASSERT_EQ(result.outcome, JobOutcome::Failed);
  const QStringList lines = result.error.split('\n');
  ASSERT_EQ(lines.size(), 2);
  EXPECT_EQ(lines[0], file("broken.jsonl") + ":2:1: error: missing required attribute 'id'");
  EXPECT_TRUE(lines[1].startsWith(file("broken.jsonl") + ":4:5: error:")) << lines[1].toStdString();
  EXPECT_TRUE(filesNamedLike(file("broken.evrec").toStdString()).empty());
}

TEST_F(ExchangeJobsTest, AFileThatIsNotARecordingIsRefusedInOneSentence) {
  writeFile(file("notes.txt"), "not a recording");
  const JobResult result =
      runWithProgressDialog(&window, "Export", "Exporting",
                            exportWork(file("notes.txt"), core::ExportFormat::Csv, file("o.csv")));
  ASSERT_EQ(result.outcome, JobOutcome::Failed);
  EXPECT_FALSE(result.error.isEmpty());
  EXPECT_FALSE(result.error.contains('\n'));
  EXPECT_FALSE(QFile::exists(file("o.csv")));
}

TEST(ExchangeJobsTextTest, ManyErrorsShowTheFirstFewAndAllInTheDetails) {
  QStringList lines;
  for (int i = 1; i <= 8; ++i)
    lines << QString("in.jsonl:%1:1: error: missing required attribute 'id'").arg(i);
  const ErrorText many = splitErrorText(lines.join('\n'));
  EXPECT_EQ(many.text.split('\n').size(), 6);
  EXPECT_TRUE(many.text.startsWith(lines[0] + "\n"));
  EXPECT_TRUE(many.text.contains("3 more")) << many.text.toStdString();
  EXPECT_EQ(many.details, lines.join('\n'));
  const ErrorText few = splitErrorText(lines.mid(0, 2).join('\n'));
  EXPECT_EQ(few.text, lines.mid(0, 2).join('\n'));
  EXPECT_TRUE(few.details.isEmpty());
}

TEST(ExchangeJobsTextTest, DefaultNamesSitBesideTheInput) {
  EXPECT_EQ(defaultRecordingPathFor("/data/orders.day1.jsonl"), "/data/orders.day1.evrec");
  std::set<QString> names, filters;
  for (const ExportFormatChoice& choice : exportFormatChoices()) {
    names.insert(defaultExportPathFor("/data/run.evrec", choice));
    filters.insert(choice.filter());
    EXPECT_EQ(exportFormatForFilter(choice.filter()), &choice);
  }
  EXPECT_EQ(names.size(), 5u) << "OTLP and Jaeger do not propose the same name";
  EXPECT_EQ(filters.size(), 5u);
  EXPECT_TRUE(names.count("/data/run.jaeger.json"));
  EXPECT_TRUE(names.count("/data/run.csv"));
  EXPECT_EQ(exportFormatForFilter("Something else (*.txt)"), nullptr);
}

}  // namespace
}  // namespace eventscope::ui
