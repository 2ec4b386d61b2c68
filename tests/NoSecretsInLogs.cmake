# Fails when the log of this CTest run holds a secret access key used by the
# tests or a SigV4 signature. Runs last (it DEPENDS on every other test), so
# the log it reads holds their output.
# While CTest runs, it writes the log as LastTest.log.tmp (LastTest_<date>.log.tmp
# in dashboard mode) and renames it at the end: read the newest one.
file(GLOB logs "${LOG_DIR}/LastTest*.log.tmp")
if(NOT logs)
    message(FATAL_ERROR "no test log of this run in ${LOG_DIR}")
endif()
list(GET logs 0 LOG)
foreach(candidate IN LISTS logs)
    if(candidate IS_NEWER_THAN LOG)
        set(LOG "${candidate}")
    endif()
endforeach()
file(READ "${LOG}" log)
set(secrets
    "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    "AnotherExampleSecretKeyEXAMPLEKEY"
    "TransportTestSecretKey/doNotLog"
    "static-secret"
    "typed-secret")
foreach(secret IN LISTS secrets)
    string(FIND "${log}" "${secret}" at)
    if(NOT at EQUAL -1)
        message(FATAL_ERROR "a secret access key used by the tests is in the test log: ${LOG}")
    endif()
endforeach()
if(log MATCHES "Signature=[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]")
    message(FATAL_ERROR "a SigV4 signature is in the test log: ${LOG}")
endif()
string(LENGTH "${log}" size)
message(STATUS "no secret or signature in ${size} bytes of test log")
