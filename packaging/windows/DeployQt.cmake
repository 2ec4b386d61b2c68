# Install step of the "application" component on Windows (cmake --install,
# cpack): windeployqt copies the Qt libraries and plugins next to the
# installed executables. MGN_WINDEPLOYQT and MGN_DEPLOY_BINDIR come from
# cmake/Packaging.cmake. mgnctl and mgn-emulator use a subset of the
# dashboard's Qt modules, so deploying for the dashboard covers them.
set(bindir "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${MGN_DEPLOY_BINDIR}")
message(STATUS "windeployqt: ${bindir}/mgn-dashboard.exe")
execute_process(
    COMMAND "${MGN_WINDEPLOYQT}" --release --no-translations --no-system-d3d-compiler
            --no-opengl-sw --no-compiler-runtime --verbose 1 "${bindir}/mgn-dashboard.exe"
    COMMAND_ERROR_IS_FATAL ANY)
