# The Debian package: `cpack -G DEB` in a build directory (packaging/dev.sh package does it).
# It packs what cmake/Install.cmake installs, under /usr.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME eventscope)
set(CPACK_PACKAGE_VENDOR "Eventscope developers")
set(CPACK_PACKAGE_CONTACT "Eventscope developers <dev@eventscope.dev>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "simulator and debugger for event-driven architectures")
# Debian's extended description, what `apt show` prints: lines under 80 columns, as lintian
# asks (CPack indents them and turns the empty line into " .").
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
       "Eventscope models a system of producers, topics and consumer services in a"
       "small YAML file and simulates it deterministically and fast, counting every"
       "delivery, retry, duplicate, drop and dead letter. Runs are recorded into"
       "SQLite files that can be inspected, traced, exported (CloudEvents,"
       "OpenTelemetry, Jaeger, CSV, Graphviz), replayed through a changed model and"
       "compared."
       ""
       "The Qt desktop GUI shows the model as a live topology with charts, lets you"
       "inject faults while it runs, debugs recordings with time travel and traces,"
       "and teaches event-driven architecture in fifteen guided lessons. Every"
       "feature is also a headless command.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
# Directories 0755 whatever the packager's umask (lintian flags group-writable ones).
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://eventscope.dev/)
# Libraries the executable links come from dpkg-shlibdeps (dpkg-dev). Plugins Qt loads at run
# time are not linked, so they are named here: the SVG icon engine and image plugin (in
# libqt6svg6) draw the toolbar icons, and Qt's SQLite driver is asked for by the packaging issue
# (recordings themselves go through libsqlite3, which shlibdeps finds). The xcb and offscreen
# platform plugins ship in libqt6gui6, which shlibdeps already names.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6, libqt6sql6-sqlite")
# A Wayland session runs Qt natively with it, through XWayland without it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")

include(CPack)
