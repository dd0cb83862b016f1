// A shared library that is not an Överens plugin: it lacks the entry point.
extern "C" __attribute__((visibility("default"))) int fixture_not_a_plugin() { return 42; }
