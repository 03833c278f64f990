// GUI frame times (DESIGN.md §6): a frame of the topology (100 nodes, 20 k moving tokens) and
// the charts dock, rendered offscreen; a chart update over 10 M samples; and how fast the
// engine runs while the GUI pulls snapshots, against the same model run headless.
#include <benchmark/benchmark.h>

#include <QChart>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <chrono>
#include <random>
#include <thread>

#include "core/metrics/min_max_pyramid.h"
#include "core/model/scenario_edits.h"
#include "core/sim/run_scenario.h"
#include "qt_bench_main.h"
#include "ui/charts/charts_panel.h"
#include "ui/controller/run_controller.h"
#include "ui/topology/topology_scene.h"

namespace {

using namespace eventscope;

// 20 producers -> 40 topics -> 40 services: 100 nodes, 140 edges.
core::Scenario hundredNodes() {
  core::Scenario s;
  s.name = "hundred nodes";
  s.duration = 60 * core::kSecond;
  std::vector<core::NodeRef> producers, topics, services;
  for (int i = 0; i < 40; ++i)
    topics.push_back(core::addNode(s, core::NodeKind::Topic, 0, 0));
  for (int i = 0; i < 20; ++i)
    producers.push_back(core::addNode(s, core::NodeKind::Producer, 0, 0));
  for (int i = 0; i < 40; ++i)
    services.push_back(core::addNode(s, core::NodeKind::Service, 0, 0));
  for (int i = 0; i < 20; ++i) {
    core::connectNodes(s, producers[i], topics[i]);
    core::connectNodes(s, topics[i], services[i]);
    core::connectNodes(s, topics[i], services[i + 20]);
    core::connectNodes(s, services[i], topics[i + 20]);
    core::connectNodes(s, topics[i + 20], services[(i + 1) % 20 + 20]);
  }
  for (auto& p : s.producers)
    p.ratePerSecond = 100;
  s.layout.clear();  // the automatic layout places them
  return s;
}

// A live snapshot with some backlog everywhere, so every node paints its busy state.
ui::LiveSnapshot busySnapshot(const core::Scenario& s) {
  ui::LiveSnapshot snapshot;
  for (std::size_t i = 0; i < s.producers.size(); ++i)
    snapshot.producers.push_back({1000 * i, false, i % 7 == 0});
  for (const auto& topic : s.topics)
    snapshot.topics.push_back(
        {std::vector<std::uint64_t>(static_cast<std::size_t>(topic.partitions), 40), 0, 5000, 0, 0,
         0});
  for (std::size_t i = 0; i < s.services.size(); ++i) {
    ui::ServiceView view;
    view.waiting = i * 30;
    view.inProcess = 2;
    view.instances = {core::InstanceState::Busy, core::InstanceState::Idle,
                      core::InstanceState::Down};
    view.throughput = 250;
    snapshot.services.push_back(view);
  }
  return snapshot;
}

void BM_TopologyFrame(benchmark::State& state) {
  const core::Scenario s = hundredNodes();
  ui::TopologyScene scene;
  scene.setScenario(s);
  const ui::LiveSnapshot snapshot = busySnapshot(s);
  scene.applySnapshot(snapshot, 0);
  // 20 k tokens spread over every edge and every point of their trip.
  const double now = 1000;
  const auto& edges = scene.edges();
  for (std::size_t i = 0; i < 20'000; ++i) {
    const ui::EdgeItem* edge = edges[i % edges.size()];
    const auto kind = static_cast<ui::TokenKind>(i % ui::kTokenKindCount);
    scene.tokenLayer()->add(
        edge->line(), kind,
        now - ui::TokenLayer::kTokenLifetime * static_cast<double>(i % 1000) / 1000.0);
  }
  QImage image(1400, 700, QImage::Format_ARGB32_Premultiplied);
  const QRectF source = scene.contentRect();
  double t = now;
  for (auto _ : state) {
    t += 1e-9;  // every token still on its way: 20 k per frame
    scene.animate(t);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(image.rect(), Qt::white);
    scene.render(&painter, QRectF(image.rect()), source);
  }
  state.counters["tokens"] = static_cast<double>(scene.tokenLayer()->size());
  state.counters["nodes"] = static_cast<double>(scene.nodes().size());
}
BENCHMARK(BM_TopologyFrame)->Unit(benchmark::kMillisecond);

// The series of 40 services as a run makes them: 999 buckets so far, one more on demand.
struct LiveSeries {
  core::TimeSeries series;
  std::mt19937 random{7};
  LiveSeries() {
    series.bucketWidth = 60 * core::kMillisecond;
    for (int s = 0; s < 40; ++s) {
      series.serviceNames.push_back("service-" + std::to_string(s));
      series.services.emplace_back();
      series.queues.emplace_back(1);
    }
    for (int b = 0; b < 999; ++b)
      addBucket();
  }
  void addBucket() {
    for (std::size_t s = 0; s < series.services.size(); ++s) {
      core::ServiceSample sample;
      sample.backlog = static_cast<float>(random() % 100);
      series.services[s].push_back(sample);
      series.queues[s][0].push_back({sample.backlog, sample.backlog});
    }
  }
};

// The charts dock as a frame draws it: one more bucket of 40 services arrives, the visible
// lines are decimated and replaced, and the dock is painted.
void BM_ChartsFrame(benchmark::State& state) {
  LiveSeries live;
  core::TimeSeries& series = live.series;
  const auto addBucket = [&] { live.addBucket(); };
  ui::ChartsPanel panel;
  panel.resize(1400, 300);
  panel.update(series, 60 * core::kSecond, 60 * core::kSecond);
  QImage image(1400, 300, QImage::Format_ARGB32_Premultiplied);
  for (auto _ : state) {
    state.PauseTiming();
    addBucket();
    state.ResumeTiming();
    panel.update(series, 60 * core::kSecond, 60 * core::kSecond);
    QPainter painter(&image);
    panel.render(&painter);
  }
  state.counters["points"] = static_cast<double>(panel.lastPointCount());
}
BENCHMARK(BM_ChartsFrame)->Unit(benchmark::kMillisecond)->Iterations(200);

void BM_ChartsUpdateOnly(benchmark::State& state) {
  LiveSeries live;
  core::TimeSeries& series = live.series;
  const auto addBucket = [&] { live.addBucket(); };
  ui::ChartsPanel panel;
  panel.resize(1400, 300);
  panel.update(series, 60 * core::kSecond, 60 * core::kSecond);
  for (auto _ : state) {
    state.PauseTiming();
    addBucket();
    state.ResumeTiming();
    panel.update(series, 60 * core::kSecond, 60 * core::kSecond);
  }
}
BENCHMARK(BM_ChartsUpdateOnly)->Unit(benchmark::kMillisecond)->Iterations(200);

void BM_ChartsPaintOnly(benchmark::State& state) {
  core::TimeSeries series;
  series.bucketWidth = 60 * core::kMillisecond;
  for (int s = 0; s < 40; ++s) {
    series.serviceNames.push_back("service-" + std::to_string(s));
    series.services.emplace_back();
    series.queues.emplace_back(1);
    for (int b = 0; b < 1000; ++b) {
      core::ServiceSample sample;
      sample.backlog = static_cast<float>((b * 7 + s * 13) % 100);
      series.services.back().push_back(sample);
      series.queues.back()[0].push_back({sample.backlog, sample.backlog});
    }
  }
  ui::ChartsPanel panel;
  panel.resize(1400, 300);
  panel.update(series, 60 * core::kSecond, 60 * core::kSecond);
  QImage image(1400, 300, QImage::Format_ARGB32_Premultiplied);
  {
    QPainter painter(&image);
    panel.render(&painter);
  }
  for (auto _ : state) {
    QPainter painter(&image);
    panel.render(&painter);
  }
}
BENCHMARK(BM_ChartsPaintOnly)->Unit(benchmark::kMillisecond)->Iterations(100);

// A chart update over 10 M samples: decimate a random window to 1000 columns and replace the
// line's points (DESIGN.md §6: <= 3 ms).
void BM_ChartUpdateOver10MSamples(benchmark::State& state) {
  static core::MinMaxPyramid pyramid;
  if (pyramid.size() == 0) {
    std::mt19937 random(3);
    double value = 0;
    for (int i = 0; i < 10'000'000; ++i) {
      value += static_cast<double>(static_cast<int>(random() % 201) - 100) / 100.0;
      pyramid.append(value);
    }
  }
  QChart chart;
  auto* line = new QLineSeries;
  chart.addSeries(line);
  std::mt19937 random(11);
  for (auto _ : state) {
    const std::size_t a = random() % pyramid.size();
    const std::size_t b = random() % pyramid.size();
    const auto points = pyramid.decimate(std::min(a, b), std::max(a, b) + 1, 1000);
    QList<QPointF> list;
    list.reserve(static_cast<qsizetype>(points.size()));
    for (const auto& p : points)
      list.append(QPointF(p.x, p.y));
    line->replace(list);
    benchmark::DoNotOptimize(line->count());
  }
}
BENCHMARK(BM_ChartUpdateOver10MSamples)->Unit(benchmark::kMillisecond);

// The engine with the GUI pulling snapshots 60 times a second, against the same model headless:
// the ratio shows what the GUI costs the engine (the engine never waits for it).
core::Scenario busyModel() {
  core::Scenario s = hundredNodes();
  s.duration = 20 * core::kSecond;
  for (auto& p : s.producers)
    p.ratePerSecond = 2000;
  for (auto& service : s.services) {
    service.instances = 4;
    service.serviceTime = {core::Distribution::Kind::Exponential, core::kMillisecond, 0};
  }
  return s;
}

void BM_EngineHeadless(benchmark::State& state) {
  const core::Scenario s = busyModel();
  std::uint64_t events = 0;
  for (auto _ : state)
    events += core::runScenario(s).report.engineEvents;
  state.counters["engine_events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EngineHeadless)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_EngineUnderGui(benchmark::State& state) {
  const core::Scenario s = busyModel();
  ui::TopologyScene scene;
  scene.setScenario(s);
  std::uint64_t events = 0;
  for (auto _ : state) {
    ui::RunController controller;
    controller.setSpeed(ui::RunController::kMaxSpeed);
    controller.load(s);
    controller.run();
    // The GUI thread: pull the latest snapshot and show it, 60 times a second.
    while (controller.state() != ui::RunController::State::Finished) {
      if (auto snapshot = controller.latest()) scene.applySnapshot(*snapshot, 0);
      std::this_thread::sleep_for(std::chrono::milliseconds(16));
      QCoreApplication::processEvents();
    }
    controller.sync();
    events += controller.latest()->engineEvents;
  }
  state.counters["engine_events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EngineUnderGui)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  return runQtBenchmarks(argc, argv);
}
