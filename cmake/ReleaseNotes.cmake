# The extension's release notes (description.xml <release-notes>), one text
# file per language, kept in step with README.md's "## Changelog":
#
#   cmake -DREADME=README.md -DZH=addin/release-notes-zh.txt -DVERSION=0.1.0
#         -DHOMEPAGE=<url or empty> -DOUT_DIR=<dir> -P cmake/ReleaseNotes.cmake
#       writes OUT_DIR/release-notes-en.txt (the changelog, Markdown marks
#       dropped) and OUT_DIR/release-notes-zh.txt (the Chinese notes), each
#       headed by the version and, when set, the project's homepage;
#   cmake -DREADME=README.md -DZH=addin/release-notes-zh.txt -DCHECK=ON -P cmake/ReleaseNotes.cmake
#       fails unless the Chinese notes have one entry per changelog entry, in
#       the same order: entries are the lines starting with "- ", and each is
#       identified by the version (0.1.0) or issue number (issue 11) in its
#       first line.
foreach(v README ZH)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "ReleaseNotes.cmake: -D${v}= is required")
  endif()
endforeach()

file(READ ${README} readme)
string(FIND "${readme}" "\n## Changelog\n" start)
if(start EQUAL -1)
  message(FATAL_ERROR "ReleaseNotes.cmake: no '## Changelog' section in ${README}")
endif()
string(SUBSTRING "${readme}" ${start} -1 changelog)
string(REPLACE "\n## Changelog\n" "" changelog "${changelog}")
string(FIND "${changelog}" "\n## " next)
if(NOT next EQUAL -1)
  string(SUBSTRING "${changelog}" 0 ${next} changelog)
endif()
string(STRIP "${changelog}" changelog)
file(READ ${ZH} zh)
string(STRIP "${zh}" zh)

# The identifiers of the entries of a text: "issue N" or a version, from the
# first line of each "- " entry.
function(entry_ids text out)
  set(ids)
  string(REPLACE ";" "," text "${text}")  # keep list separators out of the lines
  string(REPLACE "\n" ";" lines "${text}")
  foreach(line IN LISTS lines)
    if(line MATCHES "^- ")
      if(line MATCHES "\\(issue ([0-9]+)\\)")
        list(APPEND ids "issue ${CMAKE_MATCH_1}")
      elseif(line MATCHES "（issue ([0-9]+)）")
        list(APPEND ids "issue ${CMAKE_MATCH_1}")
      elseif(line MATCHES "^- ([0-9]+\\.[0-9]+\\.[0-9]+)")
        list(APPEND ids "${CMAKE_MATCH_1}")
      else()
        list(APPEND ids "?(${line})")
      endif()
    endif()
  endforeach()
  set(${out} "${ids}" PARENT_SCOPE)
endfunction()

if(CHECK)
  entry_ids("${changelog}" en_ids)
  entry_ids("${zh}" zh_ids)
  if(NOT en_ids STREQUAL zh_ids)
    message(FATAL_ERROR "release notes out of step with README.md's changelog:\n"
      "  README.md:  ${en_ids}\n  ${ZH}: ${zh_ids}\n"
      "Add or reorder the entries of ${ZH} to match (one '- ' entry per changelog entry).")
  endif()
  message(STATUS "release notes: ${en_ids}")
  return()
endif()

foreach(v VERSION OUT_DIR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "ReleaseNotes.cmake: -D${v}= is required")
  endif()
endforeach()
# Plain text: drop Markdown's code and emphasis marks.
string(REPLACE "`" "" en "${changelog}")
string(REPLACE "**" "" en "${en}")
set(en_head "surveycalc ${VERSION}: release notes")
set(zh_head "surveycalc ${VERSION}：更新说明")
if(HOMEPAGE)
  string(APPEND en_head "\n${HOMEPAGE}")
  string(APPEND zh_head "\n${HOMEPAGE}")
endif()
file(WRITE ${OUT_DIR}/release-notes-en.txt "${en_head}\n\n${en}\n")
file(WRITE ${OUT_DIR}/release-notes-zh.txt "${zh_head}\n\n${zh}\n")
