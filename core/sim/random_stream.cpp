#include "core/sim/random_stream.h"

#include <cmath>

namespace eventscope::core {

ExponentialZiggurat::ExponentialZiggurat() {
  constexpr double m = 4294967296.0;  // 2^32
  constexpr double v = 3.949659822581572e-3;
  double d = kBaseEdge;
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

const ExponentialZiggurat kExponentialZiggurat;

// The rare cases of the ziggurat: the tail beyond the base layer, and the wedge of a layer
// outside its rectangle. `bits` is the draw that fell outside; further draws as needed.
double RandomStream::exponentialSlowPath(std::uint64_t bits) {
  const ExponentialZiggurat& z = kExponentialZiggurat;
  while (true) {
    const auto layer = static_cast<unsigned>(bits & 0xff);
    const auto j = static_cast<std::uint32_t>(bits >> 32);
    const double x = j * z.w[layer];
    if (j < z.k[layer]) return x;
    if (layer == 0) return ExponentialZiggurat::kBaseEdge - std::log(uniformOpenZero());
    const double y = z.f[layer] + uniform() * (z.f[layer - 1] - z.f[layer]);
    if (y < std::exp(-x)) return x;
    bits = next();
  }
}

}  // namespace eventscope::core
