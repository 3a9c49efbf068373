# cmake -DPARAMS_FILE=<build>/tests/install/install_consumer_params.cmake -P run_consumer.cmake
#
# The install_consumer test, one step after another:
#   1. cmake --install <build dir> --prefix <build dir>/install-test/prefix
#   2. configure tests/install/consumer with CMAKE_PREFIX_PATH=<that prefix>, same generator,
#      compiler and build type as the parent build (and ASan/UBSan flags when it has them)
#   3. build it
#   4. run the app and check what it prints
# <build dir>/install-test is deleted first, so every run starts from nothing; it is left in
# place afterwards for a look (logs/ holds every step's output). Any failure ends the script
# with the step, its command and its whole output.
cmake_minimum_required(VERSION 3.25)

if(NOT PARAMS_FILE OR NOT EXISTS "${PARAMS_FILE}")
  message(FATAL_ERROR "install_consumer: PARAMS_FILE='${PARAMS_FILE}' does not exist; "
                      "reconfigure the parent build (it writes this file).")
endif()
include("${PARAMS_FILE}")
foreach(_var IN ITEMS OASKIT_BUILD_DIR CONSUMER_SOURCE_DIR PARENT_GENERATOR PARENT_CXX_COMPILER)
  if("${${_var}}" STREQUAL "")
    message(FATAL_ERROR "install_consumer: ${_var} is not set in ${PARAMS_FILE}")
  endif()
endforeach()

set(TEST_ROOT "${OASKIT_BUILD_DIR}/install-test")
set(PREFIX "${TEST_ROOT}/prefix")
set(CONSUMER_BUILD "${TEST_ROOT}/consumer-build")
set(LOG_DIR "${TEST_ROOT}/logs")

# Another run on the same build dir (a second ctest, say) would delete our folder under us:
# take a lock beside it for as long as this script runs.
file(LOCK "${OASKIT_BUILD_DIR}/install-test.lock" GUARD PROCESS TIMEOUT 900
     RESULT_VARIABLE _lock)
if(NOT _lock EQUAL 0)
  message(FATAL_ERROR "install_consumer: could not lock ${OASKIT_BUILD_DIR}/install-test.lock: "
                      "${_lock}")
endif()

file(REMOVE_RECURSE "${TEST_ROOT}")
if(EXISTS "${TEST_ROOT}")
  message(FATAL_ERROR "install_consumer: could not remove the old ${TEST_ROOT}")
endif()
file(MAKE_DIRECTORY "${TEST_ROOT}" "${LOG_DIR}")

# run_step(<name> [HINT <text>] COMMAND <command> <args>...)
# Runs the command, saves its output to logs/<name>.log, and on a non-zero exit (or a crash,
# or a timeout) stops with the command line, the result and everything it printed.
# The output is also left in STEP_OUTPUT for checks by the caller.
function(run_step name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "HINT;WORKING_DIRECTORY" "COMMAND")
  if(NOT arg_WORKING_DIRECTORY)
    set(arg_WORKING_DIRECTORY "${TEST_ROOT}")
  endif()
  string(JOIN " " _cmdline ${arg_COMMAND})
  message(STATUS "install_consumer: [${name}] ${_cmdline}")
  execute_process(COMMAND ${arg_COMMAND}
                  WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}"
                  RESULT_VARIABLE _rc
                  OUTPUT_VARIABLE _out
                  ERROR_VARIABLE _err
                  TIMEOUT 540)
  file(WRITE "${LOG_DIR}/${name}.log"
       "command: ${_cmdline}\nresult: ${_rc}\n--- stdout ---\n${_out}\n--- stderr ---\n${_err}\n")
  if(NOT "${_rc}" STREQUAL "0")
    set(_hint "")
    if(arg_HINT)
      set(_hint "\nHint: ${arg_HINT}")
    endif()
    # NOTICE prints verbatim; FATAL_ERROR would re-wrap the tool's output.
    message(NOTICE
      "install_consumer: step '${name}' FAILED (result: ${_rc})\n"
      "command: ${_cmdline}\n"
      "--- stdout ---\n${_out}\n"
      "--- stderr ---\n${_err}\n"
      "--- end of ${name} output (also in ${LOG_DIR}/${name}.log) ---${_hint}")
    message(FATAL_ERROR "install_consumer: step '${name}' FAILED (result: ${_rc}); output above.")
  endif()
  set(STEP_OUTPUT "${_out}" PARENT_SCOPE)
  set(STEP_ERROR "${_err}" PARENT_SCOPE)
endfunction()

# Stops with a message and the given step's output.
function(fail_check name what)
  file(READ "${LOG_DIR}/${name}.log" _log)
  message(NOTICE "install_consumer: check after step '${name}' FAILED: ${what}\n"
                 "--- output of ${name} ---\n${_log}--- end ---")
  message(FATAL_ERROR "install_consumer: check after step '${name}' FAILED: ${what}")
endfunction()

# 1. Install --------------------------------------------------------------------------------
set(_install_cmd "${CMAKE_COMMAND}" --install "${OASKIT_BUILD_DIR}" --prefix "${PREFIX}")
if(PARENT_BUILD_TYPE)
  list(APPEND _install_cmd --config "${PARENT_BUILD_TYPE}")
endif()
run_step(install COMMAND ${_install_cmd}
         HINT "build the project first (cmake --build --preset <preset>); the test installs what is built.")

file(GLOB _config_files "${PREFIX}/lib*/cmake/oaskit/oaskitConfig.cmake"
                        "${PREFIX}/share/oaskit/cmake/oaskitConfig.cmake")
if(NOT _config_files)
  fail_check(install "no oaskitConfig.cmake under ${PREFIX}")
endif()
file(GLOB _libs "${PREFIX}/lib*/liboaskit.a")
if(NOT _libs)
  fail_check(install "no liboaskit.a under ${PREFIX}/lib*")
endif()
if(NOT EXISTS "${PREFIX}/include/oaskit/oaskit.hpp")
  fail_check(install "no ${PREFIX}/include/oaskit/oaskit.hpp")
endif()

# 2. Configure the consumer -----------------------------------------------------------------
# Settings go in an initial-cache file (-C) so lists and flags with spaces arrive intact.
set(_prefix_path "${PREFIX}")
if(PARENT_PREFIX_PATH)
  list(APPEND _prefix_path ${PARENT_PREFIX_PATH})
endif()
string(STRIP "${PARENT_CXX_FLAGS} ${CONSUMER_CXX_FLAGS}" _cxx_flags)
string(STRIP "${PARENT_EXE_LINKER_FLAGS} ${CONSUMER_LINK_FLAGS}" _link_flags)
set(_init "${TEST_ROOT}/consumer-init.cmake")
file(WRITE "${_init}" "# Written by run_consumer.cmake\n")
macro(init_cache var type value)
  file(APPEND "${_init}" "set(${var} [==[${value}]==] CACHE ${type} \"\")\n")
endmacro()
init_cache(CMAKE_PREFIX_PATH STRING "${_prefix_path}")
init_cache(CMAKE_CXX_COMPILER FILEPATH "${PARENT_CXX_COMPILER}")
init_cache(CMAKE_BUILD_TYPE STRING "${PARENT_BUILD_TYPE}")
init_cache(CMAKE_CXX_FLAGS STRING "${_cxx_flags}")
init_cache(CMAKE_EXE_LINKER_FLAGS STRING "${_link_flags}")
# Only the prefix above (or the parent's own search path), never a user's package registry.
init_cache(CMAKE_FIND_USE_PACKAGE_REGISTRY BOOL OFF)
if(PARENT_MAKE_PROGRAM)
  init_cache(CMAKE_MAKE_PROGRAM FILEPATH "${PARENT_MAKE_PROGRAM}")
endif()
foreach(_arg IN LISTS PARENT_CACHE_ARGS)  # -D<var>=<value>, where the parent found its deps
  if(_arg MATCHES "^-D([^=]+)=(.*)$")
    init_cache(${CMAKE_MATCH_1} PATH "${CMAKE_MATCH_2}")
  endif()
endforeach()

run_step(configure COMMAND "${CMAKE_COMMAND}" -C "${_init}" -S "${CONSUMER_SOURCE_DIR}"
         -B "${CONSUMER_BUILD}" -G "${PARENT_GENERATOR}"
         HINT "see whether find_package(oaskit) or one of its find_dependency() calls failed.")

# The package found must be the one just installed, not some other oaskit on the system.
file(STRINGS "${CONSUMER_BUILD}/CMakeCache.txt" _oaskit_dir REGEX "^oaskit_DIR:")
string(REGEX REPLACE "^oaskit_DIR:[A-Z]+=" "" _oaskit_dir "${_oaskit_dir}")
file(REAL_PATH "${PREFIX}" _real_prefix)
if(EXISTS "${_oaskit_dir}")
  file(REAL_PATH "${_oaskit_dir}" _oaskit_dir)
endif()
string(FIND "${_oaskit_dir}" "${_real_prefix}/" _at)
if(NOT _at EQUAL 0)
  fail_check(configure "oaskit_DIR is '${_oaskit_dir}', not inside the test prefix ${PREFIX}")
endif()

# 3. Build ----------------------------------------------------------------------------------
run_step(build COMMAND "${CMAKE_COMMAND}" --build "${CONSUMER_BUILD}")

# 4. Run --------------------------------------------------------------------------------------
set(_app "${CONSUMER_BUILD}/oaskit_consumer")
if(NOT EXISTS "${_app}")
  fail_check(build "the build made no ${_app}")
endif()
run_step(run COMMAND "${_app}"
         HINT "each 'FAIL:' line above names a check the app failed, with expected and actual values.")

set(_expected_json [=[{"type":"oauth2","flows":{"clientCredentials":{"tokenUrl":"https://auth.example.com/token","scopes":{"pets:read":"Read pets"}}}}]=])
string(FIND "${STEP_OUTPUT}" "oauth2: ${_expected_json}\n" _at)
if(_at EQUAL -1)
  fail_check(run "the output has no line 'oauth2: ${_expected_json}'")
endif()
string(FIND "${STEP_OUTPUT}" "oaskit consumer: all checks passed" _at)
if(_at EQUAL -1)
  fail_check(run "the app exited 0 but did not report that all its checks passed")
endif()
# Sanitizer reports go to stderr; with halt_on_error they fail the run, but leaks or
# recoverable reports could still slip through with exit code 0 under other options.
if(STEP_ERROR MATCHES "ERROR: (Address|Leak)Sanitizer|runtime error:")
  fail_check(run "a sanitizer reported a problem")
endif()

message(STATUS "install_consumer: installed to ${PREFIX}, found by find_package "
               "(${_oaskit_dir}), consumer built and ran: PASS")
