#pragma once

#include <cmath>

// Analytic results of queueing theory: the oracle the engine's fidelity tests compare against.
namespace eventscope::core::testing {

struct QueueMetrics {
  double w = 0;   // mean time in system
  double wq = 0;  // mean time waiting
  double l = 0;   // mean number in system
  double lq = 0;  // mean number waiting
};

// Erlang's C formula: the probability that an arrival to an M/M/c queue has to wait.
inline double erlangC(double lambda, double mu, int c) {
  const double a = lambda / mu;
  const double rho = a / c;
  double term = 1;  // a^k / k!
  double sum = 0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double last = term / (1 - rho);  // a^c / c! / (1 - rho)
  return last / (sum + last);
}

inline QueueMetrics mmc(double lambda, double mu, int c) {
  QueueMetrics m;
  m.wq = erlangC(lambda, mu, c) / (c * mu - lambda);
  m.w = m.wq + 1 / mu;
  m.lq = lambda * m.wq;
  m.l = lambda * m.w;
  return m;
}

inline QueueMetrics mm1(double lambda, double mu) {
  return mmc(lambda, mu, 1);
}

// M/D/1 by Pollaczek-Khinchine: deterministic service 1/mu.
inline QueueMetrics md1(double lambda, double mu) {
  const double rho = lambda / mu;
  QueueMetrics m;
  m.wq = rho / (2 * mu * (1 - rho));
  m.w = m.wq + 1 / mu;
  m.lq = lambda * m.wq;
  m.l = lambda * m.w;
  return m;
}

}  // namespace eventscope::core::testing
