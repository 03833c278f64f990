#include "ui/lessons/lessons_panel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include "core/io/units.h"
#include "core/lessons/lesson_library.h"
#include "core/lessons/lesson_reader.h"
#include "core/lessons/lesson_scenario.h"
#include "core/lessons/named_nodes.h"
#include "ui/lessons/lesson_step_runner.h"

namespace eventscope::ui {

namespace {

const QColor kPassed(0x2e, 0x9e, 0x44);
const QColor kFailed(0xd0, 0x3b, 0x3b);

QIcon dot(const QColor& color) {
  QPixmap pixmap(14, 14);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(Qt::NoPen);
  painter.setBrush(color);
  painter.drawEllipse(QRectF(1, 1, 12, 12));
  return QIcon(pixmap);
}

QString text(const std::string& s) {
  return QString::fromStdString(s);
}

// The model a step shows: its scenario, running for the step's run length.
std::optional<core::Scenario> stepModel(const core::Lesson& lesson, int step, bool contrast) {
  const auto index = static_cast<std::size_t>(step);
  core::StepScenario built = contrast
                                 ? core::lessonScenario(lesson, index, core::ActionOverride{index})
                                 : core::lessonScenario(lesson, index);
  if (!built.ok()) return std::nullopt;
  if (const auto run = lesson.steps[index].run) built.scenario->duration = *run;
  return built.scenario;
}

}  // namespace

LessonsPanel::LessonsPanel(QWidget* parent)
    : QWidget(parent), m_runner(new LessonStepRunner(this)) {
  auto* layout = new QVBoxLayout(this);
  m_list = new QComboBox(this);
  m_list->setObjectName(QStringLiteral("lessonList"));
  m_list->setToolTip(tr("Choose a lesson; a check mark means every step of it passed"));
  layout->addWidget(m_list);

  m_text = new QTextBrowser(this);
  m_text->setObjectName(QStringLiteral("lessonText"));
  m_text->setOpenExternalLinks(false);
  layout->addWidget(m_text, 5);

  m_prediction = new QGroupBox(tr("Predict"), this);
  m_prediction->setObjectName(QStringLiteral("lessonPrediction"));
  m_choices = new QVBoxLayout(m_prediction);
  m_choiceGroup = new QButtonGroup(this);
  layout->addWidget(m_prediction);

  auto* runRow = new QHBoxLayout;
  m_run = new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run this step"), this);
  m_run->setObjectName(QStringLiteral("lessonRun"));
  m_contrast = new QPushButton(tr("Try without the change"), this);
  m_contrast->setObjectName(QStringLiteral("lessonContrast"));
  m_contrast->setToolTip(
      tr("Run the step with its key change taken away: its claims should "
         "then fail"));
  runRow->addWidget(m_run);
  runRow->addWidget(m_contrast);
  runRow->addStretch(1);
  layout->addLayout(runRow);

  m_status = new QLabel(this);
  m_status->setWordWrap(true);
  layout->addWidget(m_status);
  m_verdicts = new QListWidget(this);
  m_verdicts->setObjectName(QStringLiteral("lessonVerdicts"));
  m_verdicts->setWordWrap(true);
  m_verdicts->setSelectionMode(QAbstractItemView::NoSelection);
  m_verdicts->setFocusPolicy(Qt::NoFocus);
  m_verdicts->setMinimumHeight(110);
  m_verdicts->hide();  // until a step has run
  layout->addWidget(m_verdicts, 2);
  m_feedback = new QLabel(this);
  m_feedback->setObjectName(QStringLiteral("lessonFeedback"));
  m_feedback->setWordWrap(true);
  layout->addWidget(m_feedback);

  auto* navigation = new QHBoxLayout;
  m_back = new QPushButton(tr("◀ Back"), this);
  m_restart = new QPushButton(tr("Restart"), this);
  m_restart->setToolTip(tr("Back to the first step; forgets this lesson's progress"));
  m_stepLabel = new QLabel(this);
  m_stepLabel->setAlignment(Qt::AlignCenter);
  m_next = new QPushButton(tr("Next ▶"), this);
  m_back->setObjectName(QStringLiteral("lessonBack"));
  m_next->setObjectName(QStringLiteral("lessonNext"));
  m_restart->setObjectName(QStringLiteral("lessonRestart"));
  navigation->addWidget(m_back);
  navigation->addWidget(m_restart);
  navigation->addWidget(m_stepLabel, 1);
  navigation->addWidget(m_next);
  layout->addLayout(navigation);

  connect(m_list, &QComboBox::activated, this, &LessonsPanel::openLesson);
  connect(m_choiceGroup, &QButtonGroup::idClicked, this, &LessonsPanel::answer);
  connect(m_run, &QPushButton::clicked, this, &LessonsPanel::runStep);
  connect(m_contrast, &QPushButton::clicked, this, &LessonsPanel::runContrast);
  connect(m_back, &QPushButton::clicked, this, &LessonsPanel::back);
  connect(m_next, &QPushButton::clicked, this, &LessonsPanel::next);
  connect(m_restart, &QPushButton::clicked, this, &LessonsPanel::restart);
  connect(m_runner, &LessonStepRunner::finished, this, &LessonsPanel::showOutcome);
  updateButtons();
}

void LessonsPanel::loadLessons(const QString& directory) {
  m_lessons.clear();
  std::optional<std::filesystem::path> dir;
  if (!directory.isEmpty())
    dir = std::filesystem::path(directory.toStdString());
  else
    dir = core::lessonDirectory();
  if (dir) {
    for (const std::filesystem::path& file : core::listLessonFiles(*dir)) {
      core::LessonReadResult read = core::readLessonFile(file.string());
      Entry entry;
      entry.id = QString::fromStdString(file.stem().string());
      if (read.ok()) {
        entry.title = text(read.lesson->title);
        entry.lesson = std::move(read.lesson);
      } else {
        entry.title = entry.id;
        entry.error = read.errors.empty() ? tr("cannot be read") : text(read.errors[0].format());
      }
      m_lessons.push_back(std::move(entry));
    }
  }
  fillList();
  m_current = -1;
  if (m_lessons.empty()) {
    m_text->setMarkdown(
        tr("No lessons were found. They are installed with Eventscope in "
           "`share/eventscope/lessons`; set `EVENTSCOPE_LESSONS` to another "
           "directory."));
  } else {
    m_text->setMarkdown(
        tr("Choose a lesson above. Each one runs a small model on the canvas; "
           "every claim it makes is checked by running it."));
  }
  updateButtons();
}

void LessonsPanel::fillList() {
  const int keep = m_list->currentIndex();
  m_list->clear();
  for (std::size_t i = 0; i < m_lessons.size(); ++i) {
    const Entry& e = m_lessons[i];
    bool done = e.lesson.has_value();
    if (done) {
      for (std::size_t s = 0; s < e.lesson->steps.size(); ++s)
        if (e.lesson->steps[s].run && !m_progress.passed(e.id, static_cast<int>(s))) done = false;
    }
    QString label = QStringLiteral("%1. %2").arg(i + 1).arg(e.title);
    if (done) label += QStringLiteral("  ✓");
    if (!e.error.isEmpty()) label += tr("  (has errors)");
    m_list->addItem(label);
    if (!e.error.isEmpty()) m_list->setItemData(static_cast<int>(i), e.error, Qt::ToolTipRole);
  }
  if (keep >= 0 && keep < m_list->count()) m_list->setCurrentIndex(keep);
}

const core::Lesson* LessonsPanel::lesson() const {
  if (m_current < 0 || m_current >= lessonCount()) return nullptr;
  const auto& entry = m_lessons[static_cast<std::size_t>(m_current)];
  return entry.lesson ? &*entry.lesson : nullptr;
}

void LessonsPanel::openLesson(int index) {
  if (index < 0 || index >= lessonCount()) return;
  m_list->setCurrentIndex(index);
  m_current = index;
  const Entry& entry = m_lessons[static_cast<std::size_t>(index)];
  if (!entry.lesson) {
    m_text->setPlainText(tr("This lesson cannot be opened:\n%1").arg(entry.error));
    updateButtons();
    return;
  }
  showStep(
      std::clamp(m_progress.step(entry.id), 0, static_cast<int>(entry.lesson->steps.size()) - 1));
}

QString LessonsPanel::stepHtml(const core::Lesson& l, int step) const {
  const core::LessonStep& s = l.steps[static_cast<std::size_t>(step)];
  QString md =
      QStringLiteral("## %1\n\n*%2*\n\n%3\n\n---\n\n### Step %4 of %5%6\n\n%7\n")
          .arg(text(l.title), text(l.conceptName), text(l.narrative))
          .arg(step + 1)
          .arg(l.steps.size())
          .arg(s.title.empty() ? QString() : QStringLiteral(": ") + text(s.title), text(s.text));
  if (s.hasAction) md += tr("\n**This step changes the model:** `%1`\n").arg(text(s.actionSummary));
  if (s.run)
    md += tr("\nRun length: %1.\n").arg(QString::fromStdString(core::formatDuration(*s.run)));
  return md;
}

void LessonsPanel::showStep(int step) {
  const core::Lesson* l = lesson();
  if (!l || step < 0 || step >= static_cast<int>(l->steps.size())) return;
  m_step = step;
  m_answer = -1;
  const Entry& entry = m_lessons[static_cast<std::size_t>(m_current)];
  m_progress.setStep(entry.id, step);
  m_text->setMarkdown(stepHtml(*l, step));
  // Past the narrative (read at step 1) to the step's own heading.
  if (step > 0) {
    const QTextCursor heading = m_text->document()->find(tr("Step %1 of").arg(step + 1));
    if (!heading.isNull()) {
      m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->value() +
                                            m_text->cursorRect(heading).top() - 8);
    }
  }
  const core::LessonStep& s = l->steps[static_cast<std::size_t>(step)];
  showPrediction(s);
  m_verdicts->clear();
  m_verdicts->hide();
  m_feedback->clear();
  m_status->setText(s.run ? tr("Press Run: the model runs on the canvas and the checks run "
                               "with it.")
                          : tr("Nothing to run in this step: read, then Next."));
  m_stepLabel->setText(tr("Step %1 of %2").arg(step + 1).arg(l->steps.size()));
  if (const auto model = stepModel(*l, step, false)) {
    Q_EMIT modelRequested(*model, text(l->title));
    Q_EMIT highlightRequested(core::namedNodes(s.text, *model));
  }
  updateButtons();
}

void LessonsPanel::showPrediction(const core::LessonStep& step) {
  for (QAbstractButton* b : m_choiceGroup->buttons()) {
    m_choiceGroup->removeButton(b);
    delete b;
  }
  while (QLayoutItem* item = m_choices->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  m_prediction->setVisible(step.prediction.has_value());
  if (!step.prediction) return;
  auto* question = new QLabel(text(step.prediction->question), m_prediction);
  question->setWordWrap(true);
  m_choices->addWidget(question);
  int id = 0;
  for (const std::string& choice : step.prediction->choices) {
    auto* button = new QRadioButton(text(choice), m_prediction);
    m_choiceGroup->addButton(button, id++);
    m_choices->addWidget(button);
  }
}

void LessonsPanel::answer(int choice) {
  const core::Lesson* l = lesson();
  if (!l) return;
  const auto& p = l->steps[static_cast<std::size_t>(m_step)].prediction;
  if (!p || choice < 0 || choice >= static_cast<int>(p->choices.size())) return;
  m_answer = choice;
  if (QAbstractButton* b = m_choiceGroup->button(choice); b && !b->isChecked()) b->setChecked(true);
  updateButtons();
}

void LessonsPanel::runStep() {
  const core::Lesson* l = lesson();
  if (!l || !m_run->isEnabled()) return;
  if (!m_runner->start(*l, m_step, false)) return;
  m_verdicts->clear();
  m_feedback->clear();
  m_status->setText(tr("Running the checks…"));
  if (const auto model = stepModel(*l, m_step, false)) {
    Q_EMIT modelRequested(*model, text(l->title));
    Q_EMIT highlightRequested(
        core::namedNodes(l->steps[static_cast<std::size_t>(m_step)].text, *model));
    Q_EMIT runRequested();
  }
  updateButtons();
}

void LessonsPanel::runContrast() {
  const core::Lesson* l = lesson();
  if (!l || !m_contrast->isEnabled()) return;
  if (!m_runner->start(*l, m_step, true)) return;
  m_verdicts->clear();
  m_status->setText(tr("Running the step without its change…"));
  if (const auto model = stepModel(*l, m_step, true)) {
    Q_EMIT modelRequested(*model, text(l->title) + tr(" (without the change)"));
    Q_EMIT runRequested();
  }
  updateButtons();
}

void LessonsPanel::showOutcome() {
  const core::Lesson* l = lesson();
  const LessonStepRunner::Outcome& outcome = m_runner->outcome();
  if (!l || outcome.step != m_step) {
    updateButtons();
    return;  // the learner moved on while it ran
  }
  const core::LessonStep& s = l->steps[static_cast<std::size_t>(m_step)];
  m_verdicts->clear();
  for (const core::Diagnostic& d : outcome.run.errors) {
    auto* item = new QListWidgetItem(dot(kFailed), text(d.format()), m_verdicts);
    item->setForeground(kFailed);
  }
  for (std::size_t i = 0; i < outcome.run.verdicts.size() && i < s.checks.size(); ++i) {
    const core::CheckVerdict& v = outcome.run.verdicts[i];
    QString line = text(v.sentence);
    if (v.passed && !s.checks[i].explain.empty())
      line += QStringLiteral("\n") + text(s.checks[i].explain);
    auto* item = new QListWidgetItem(dot(v.passed ? kPassed : kFailed), line, m_verdicts);
    item->setToolTip(text(s.checks[i].text));
    item->setData(Qt::UserRole, v.passed);
  }
  m_verdicts->setVisible(m_verdicts->count() > 0);
  const std::size_t total = s.checks.size();
  if (outcome.contrast) {
    const bool contradicts = outcome.run.errors.empty() && outcome.failing > 0;
    m_status->setText(
        (contradicts ? tr("Without the change, %1 of %2 checks no longer hold: the claims depend "
                          "on it.")
                     : tr("Without the change the checks still hold: this lesson's claim does not "
                          "depend on it (please report it)."))
            .arg(outcome.failing)
            .arg(total) +
        (s.contrast && !s.contrast->explain.empty()
             ? QStringLiteral(" ") + text(s.contrast->explain)
             : QString()));
  } else {
    const bool passed = outcome.run.passed();
    m_progress.setPassed(m_lessons[static_cast<std::size_t>(m_current)].id, m_step, passed);
    m_status->setText(
        passed ? (total == 1 ? tr("The check holds.") : tr("All %1 checks hold.").arg(total))
               : tr("%1 of %2 checks do not hold.").arg(outcome.failing).arg(total));
    if (s.prediction && m_answer >= 0) {
      const bool right = m_answer == s.prediction->answer;
      const QString chosen = text(s.prediction->choices[static_cast<std::size_t>(m_answer)]);
      const QString correct =
          text(s.prediction->choices[static_cast<std::size_t>(s.prediction->answer)]);
      m_feedback->setText(
          (right ? tr("You predicted “%1”: right.").arg(chosen)
                 : tr("You predicted “%1”; what happens: “%2”.").arg(chosen, correct)) +
          (s.prediction->explain.empty() ? QString()
                                         : QStringLiteral(" ") + text(s.prediction->explain)));
      m_feedback->setStyleSheet(
          QStringLiteral("color: %1").arg((right ? kPassed : kFailed).name()));
    }
    fillList();
  }
  updateButtons();
  Q_EMIT verdictsShown();
}

void LessonsPanel::next() {
  if (const core::Lesson* l = lesson(); l && m_step + 1 < static_cast<int>(l->steps.size()))
    showStep(m_step + 1);
}

void LessonsPanel::back() {
  if (m_step > 0) showStep(m_step - 1);
}

void LessonsPanel::restart() {
  if (!lesson()) return;
  m_progress.forget(m_lessons[static_cast<std::size_t>(m_current)].id);
  fillList();
  showStep(0);
}

bool LessonsPanel::busy() const {
  return m_runner->running();
}

void LessonsPanel::updateButtons() {
  const core::Lesson* l = lesson();
  const bool running = m_runner->running();
  const core::LessonStep* s = l ? &l->steps[static_cast<std::size_t>(m_step)] : nullptr;
  const bool needsAnswer = s && s->prediction && m_answer < 0;
  m_run->setEnabled(s && s->run && !running && !needsAnswer);
  m_run->setToolTip(needsAnswer ? tr("Answer the question first") : tr("Run this step"));
  m_contrast->setVisible(s && s->contrast);
  m_contrast->setEnabled(s && s->contrast && !running);
  m_back->setEnabled(l && m_step > 0);
  m_next->setEnabled(l && m_step + 1 < static_cast<int>(l->steps.size()));
  m_restart->setEnabled(l != nullptr);
  if (!l) m_prediction->setVisible(false);
  m_stepLabel->setVisible(l != nullptr);
}

}  // namespace eventscope::ui
