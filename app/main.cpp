#include <cstdio>

int main() {
  std::puts("eventscope " EVENTSCOPE_VERSION);
  return 0;
}
