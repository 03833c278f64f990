// The file-dialog half of import and export, driven through Qt's own (non-native) dialogs.
#include "ui/window/exchange_dialogs.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>
#include <deque>
#include <fstream>
#include <functional>

#include "core/store/recording.h"
#include "support/exchange_files.h"
#include "ui/window/exchange_jobs.h"

namespace eventscope::ui {
namespace {

// Answers the modal dialogs as they open, in order, each with its own function.
class DialogAnswers : public QObject {
 public:
  explicit DialogAnswers(std::deque<std::function<void(QWidget*)>> answers)
      : m_answers(std::move(answers)) {
    connect(&m_timer, &QTimer::timeout, this, [this] {
      QWidget* modal = QApplication::activeModalWidget();
      if (!modal || modal == m_last.data() || m_answers.empty()) return;
      if (!modal->isVisible()) return;
      m_last = modal;
      auto answer = std::move(m_answers.front());
      m_answers.pop_front();
      answer(modal);
    });
    m_timer.start(10);
  }
  bool allAnswered() const { return m_answers.empty(); }

 private:
  std::deque<std::function<void(QWidget*)>> m_answers;
  QPointer<QWidget> m_last;  // null once that dialog is gone (another may reuse its address)
  QTimer m_timer;
};

std::function<void(QWidget*)> chooseFile(const QString& path, const QString& filter = {}) {
  return [path, filter](QWidget* modal) {
    auto* dialog = qobject_cast<QFileDialog*>(modal);
    ASSERT_NE(dialog, nullptr) << "expected a file dialog";
    if (!filter.isEmpty()) dialog->selectNameFilter(filter);
    dialog->selectFile(path);
    static_cast<QDialog*>(dialog)->accept();  // QFileDialog::accept, public in QDialog
  };
}

class ExchangeDialogsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    std::ofstream(file("orders.jsonl").toStdString(), std::ios::binary)
        << core::testing::cloudEventLines(2000);
  }
  QString file(const QString& name) const { return dir.filePath(name); }
  QTemporaryDir dir;
  QWidget window;
};

TEST_F(ExchangeDialogsTest, ImportAsksForTheFileAndWhereToSaveThenImports) {
  QString proposed;
  DialogAnswers answers(
      {chooseFile(file("orders.jsonl")), [&](QWidget* modal) {
         auto* dialog = qobject_cast<QFileDialog*>(modal);
         ASSERT_NE(dialog, nullptr);
         proposed = dialog->selectedFiles().value(0);
         dialog->selectFile(file("imported"));     // no extension given
         static_cast<QDialog*>(dialog)->accept();  // QFileDialog::accept, public in QDialog
       }});
  const QString recording = importCloudEventsInteractive(&window);
  EXPECT_TRUE(answers.allAnswered());
  EXPECT_EQ(proposed, file("orders.evrec")) << "beside the input by default";
  ASSERT_EQ(recording, file("imported.evrec"));
  std::string error;
  EXPECT_NE(core::store::Recording::open(recording.toStdString(), &error), nullptr) << error;
}

TEST_F(ExchangeDialogsTest, ABrokenFileIsShownWithItsLinesAndNothingIsReturned) {
  std::ofstream(file("broken.jsonl").toStdString()) << "{\"specversion\":\"1.0\"}\n";
  QString shown;
  DialogAnswers answers(
      {chooseFile(file("broken.jsonl")), chooseFile(file("broken.evrec")), [&](QWidget* modal) {
         auto* box = qobject_cast<QMessageBox*>(modal);
         ASSERT_NE(box, nullptr) << "expected the failure's message box";
         shown = box->informativeText();
         box->accept();
       }});
  EXPECT_TRUE(importCloudEventsInteractive(&window).isEmpty());
  EXPECT_TRUE(answers.allAnswered());
  EXPECT_TRUE(shown.startsWith(file("broken.jsonl") + ":1:1: error: missing required attribute"))
      << shown.toStdString();
  EXPECT_FALSE(QFile::exists(file("broken.evrec")));
}

TEST_F(ExchangeDialogsTest, ExportOffersEveryFormatAndWritesThePickedOne) {
  ASSERT_EQ(runWithProgressDialog(&window, "Import", "Importing",
                                  importWork(file("orders.jsonl"), file("run.evrec"), false))
                .outcome,
            JobOutcome::Done);
  const ExportFormatChoice& jaeger = exportFormatChoices()[2];
  ASSERT_EQ(jaeger.format, core::ExportFormat::Jaeger);
  QStringList offered;
  DialogAnswers answers({[&](QWidget* modal) {
    auto* dialog = qobject_cast<QFileDialog*>(modal);
    ASSERT_NE(dialog, nullptr);
    offered = dialog->nameFilters();
    chooseFile(file("traces.json"), jaeger.filter())(modal);
  }});
  const QString written = exportRecordingInteractive(&window, file("run.evrec"));
  EXPECT_EQ(offered.size(), 5);
  ASSERT_EQ(written, file("traces.json"));
  std::ifstream in(written.toStdString());
  std::string start(9, ' ');
  in.read(start.data(), 9);
  EXPECT_EQ(start, "{\"data\":[") << "Jaeger's JSON, as picked";
}

TEST_F(ExchangeDialogsTest, ClosingTheFileDialogDoesNothing) {
  DialogAnswers answers({[](QWidget* modal) { qobject_cast<QDialog*>(modal)->reject(); }});
  EXPECT_TRUE(importCloudEventsInteractive(&window).isEmpty());
  EXPECT_TRUE(answers.allAnswered());
}

}  // namespace
}  // namespace eventscope::ui
