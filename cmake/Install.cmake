# What `cmake --install` (and so the Debian package) puts where. Included from the top
# CMakeLists.txt once the eventscope target exists.

set(EVENTSCOPE_APP_ID dev.eventscope.Eventscope)
set(EVENTSCOPE_DESKTOP_DIR ${PROJECT_SOURCE_DIR}/resources/desktop)

# The program looks for its lessons in <prefix>/share/eventscope/lessons next to its bin/
# (core/lessons/lesson_library.cpp), so the data directory must stay `share`.
if(NOT CMAKE_INSTALL_DATADIR STREQUAL "share")
  message(WARNING "CMAKE_INSTALL_DATADIR is '${CMAKE_INSTALL_DATADIR}': the installed eventscope "
                  "only finds its lessons under <prefix>/share/eventscope/lessons")
endif()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/scenarios ${PROJECT_SOURCE_DIR}/resources/lessons
        DESTINATION ${CMAKE_INSTALL_DATADIR}/eventscope FILES_MATCHING PATTERN "*.yaml")

# Desktop integration: launcher, software-centre metadata, the recording MIME type, icons.
install(FILES ${EVENTSCOPE_DESKTOP_DIR}/${EVENTSCOPE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${EVENTSCOPE_DESKTOP_DIR}/${EVENTSCOPE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${EVENTSCOPE_DESKTOP_DIR}/${EVENTSCOPE_APP_ID}.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages)

set(icon_svg ${PROJECT_SOURCE_DIR}/resources/icons/eventscope.svg)
set(icon_dir ${CMAKE_INSTALL_DATADIR}/icons/hicolor)
install(FILES ${icon_svg} DESTINATION ${icon_dir}/scalable/apps RENAME ${EVENTSCOPE_APP_ID}.svg)

# PNG icons for menus and docks that do not draw SVG, rendered from the one SVG at build time
# (no binaries in git). rsvg-convert keeps the transparent background.
set(generated_data)
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
  foreach(size 16 24 32 48 64 128 256)
    set(png ${CMAKE_CURRENT_BINARY_DIR}/icons/${size}x${size}/${EVENTSCOPE_APP_ID}.png)
    add_custom_command(OUTPUT ${png}
                       COMMAND ${CMAKE_COMMAND} -E make_directory icons/${size}x${size}
                       COMMAND ${RSVG_CONVERT} -w ${size} -h ${size} -o ${png} ${icon_svg}
                       DEPENDS ${icon_svg} VERBATIM)
    install(FILES ${png} DESTINATION ${icon_dir}/${size}x${size}/apps)
    list(APPEND generated_data ${png})
  endforeach()
else()
  # packaging/install_test.sh fails a package without them.
  message(STATUS "rsvg-convert not found (Debian: librsvg2-bin): no PNG icons will be installed")
endif()

# The man page is the program's own --help texts (packaging/make_manpage.sh), gzipped without a
# timestamp as Debian wants.
set(manpage ${CMAKE_CURRENT_BINARY_DIR}/eventscope.1)
add_custom_command(OUTPUT ${manpage}.gz
                   COMMAND sh ${PROJECT_SOURCE_DIR}/packaging/make_manpage.sh
                           $<TARGET_FILE:eventscope> ${manpage}
                   COMMAND gzip -n -9 -f ${manpage}
                   DEPENDS eventscope ${PROJECT_SOURCE_DIR}/packaging/make_manpage.sh VERBATIM)
install(FILES ${manpage}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
list(APPEND generated_data ${manpage}.gz)

# Debian wants both in the package's doc directory: the licence in DEP-5 form, and (for a package
# without a Debian revision, like ours) the release history as changelog.gz.
set(changelog ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${changelog}
                   COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/packaging/changelog
                           ${CMAKE_CURRENT_BINARY_DIR}/changelog
                   COMMAND gzip -n -9 -f ${CMAKE_CURRENT_BINARY_DIR}/changelog
                   DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog VERBATIM)
list(APPEND generated_data ${changelog})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${changelog}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

add_custom_target(eventscope_data ALL DEPENDS ${generated_data})
