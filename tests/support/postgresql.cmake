# The private PostgreSQL server of the tests (the CTest fixture `postgresql_server`, started and
# stopped by tests/support/postgresql_server.sh). A test that needs it:
#   include(${PROJECT_SOURCE_DIR}/tests/support/postgresql.cmake)
#   set_tests_properties(my_test PROPERTIES ${OVERENS_POSTGRESQL_TEST_PROPERTIES})
# or, for GoogleTest executables, overens_add_gtest(... ) followed by gtest_discover_tests-style
#   PROPERTIES ${OVERENS_POSTGRESQL_TEST_PROPERTIES}.
# The test reads the server's URL (postgresql://overens@127.0.0.1:PORT/overens) from the file
# named by $OVERENS_TEST_POSTGRESQL_URL_FILE and creates its own database or schema there, so
# tests can run in parallel.
set(OVERENS_POSTGRESQL_DIR ${CMAKE_BINARY_DIR}/tests/postgresql)
set(OVERENS_POSTGRESQL_URL_FILE ${OVERENS_POSTGRESQL_DIR}/url)
set(OVERENS_POSTGRESQL_TEST_PROPERTIES
  FIXTURES_REQUIRED postgresql_server
  ENVIRONMENT "OVERENS_TEST_POSTGRESQL_URL_FILE=${OVERENS_POSTGRESQL_URL_FILE}")
