#pragma once

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QStandardPaths>

// The main of a benchmark that draws with Qt: offscreen unless a platform is set, and settings
// kept apart from the person's own.
inline int runQtBenchmarks(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
