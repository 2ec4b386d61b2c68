# Fails when the log of this CTest run holds a secret access key used by the
# tests or a SigV4 signature. Runs last (it DEPENDS on every other test), so
# the log it reads holds their output.
if(NOT EXISTS "${LOG}")
    message(FATAL_ERROR "no test log at ${LOG}")
endif()
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
