#include "core/sim/random_stream.h"

#include <cmath>

namespace eventscope::core {

namespace {
// Tables of the 256-layer ziggurat for the standard exponential (Marsaglia & Tsang, 2000).
struct ExponentialZiggurat {
  std::uint32_t k[256];
  double w[256];
  double f[256];

  ExponentialZiggurat() {
    constexpr double m = 4294967296.0;  // 2^32
    constexpr double v = 3.949659822581572e-3;
    double d = 7.697117470131487;  // the right edge of the base layer
    double previous = d;
    const double q = v / std::exp(-d);
    k[0] = static_cast<std::uint32_t>((d / q) * m);
    k[1] = 0;
    w[0] = q / m;
    w[255] = d / m;
    f[0] = 1.0;
    f[255] = std::exp(-d);
    for (int i = 254; i >= 1; --i) {
      d = -std::log(v / d + std::exp(-d));
      k[i + 1] = static_cast<std::uint32_t>((d / previous) * m);
      previous = d;
      f[i] = std::exp(-d);
      w[i] = d / m;
    }
  }
};

const ExponentialZiggurat kZiggurat;
constexpr double kBaseEdge = 7.697117470131487;
}  // namespace

double RandomStream::standardExponential() {
  while (true) {
    const std::uint64_t bits = next();
    const auto layer = static_cast<unsigned>(bits & 0xff);  // low bits pick the layer...
    const auto j = static_cast<std::uint32_t>(bits >> 32);  // ...high bits the point in it
    const double x = j * kZiggurat.w[layer];
    if (j < kZiggurat.k[layer]) return x;  // inside the layer's rectangle: accept at once
    if (layer == 0) return kBaseEdge - std::log(uniformOpenZero());  // the tail
    const double y = kZiggurat.f[layer] + uniform() * (kZiggurat.f[layer - 1] - kZiggurat.f[layer]);
    if (y < std::exp(-x)) return x;
  }
}

}  // namespace eventscope::core
