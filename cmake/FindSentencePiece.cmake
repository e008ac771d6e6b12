# Finds SentencePiece and defines the imported target SentencePiece::SentencePiece
# (processor + trainer) and SentencePiece_VERSION.
#
# Debian's libsentencepiece0 bundles protobuf 3.14 and crashes in a process that
# also loads libtorch (protobuf 3.21), so the preferred build is the static one
# made by scripts/build-sentencepiece.sh against the system protobuf. Point
# SentencePiece_ROOT at it (run.sh does); otherwise a system installation found
# through pkg-config is used, which is only safe if it uses the system protobuf.

set(SentencePiece_ROOT "${CMAKE_SOURCE_DIR}/.deps/sentencepiece" CACHE PATH "SentencePiece install prefix")

find_path(SentencePiece_INCLUDE_DIR sentencepiece_processor.h
          HINTS ${SentencePiece_ROOT}/include NO_DEFAULT_PATH)
find_library(SentencePiece_LIBRARY NAMES libsentencepiece.a
             HINTS ${SentencePiece_ROOT}/lib ${SentencePiece_ROOT}/lib64 NO_DEFAULT_PATH)
find_library(SentencePiece_TRAIN_LIBRARY NAMES libsentencepiece_train.a
             HINTS ${SentencePiece_ROOT}/lib ${SentencePiece_ROOT}/lib64 NO_DEFAULT_PATH)

if(SentencePiece_INCLUDE_DIR AND SentencePiece_LIBRARY AND SentencePiece_TRAIN_LIBRARY)
  # scripts/build-sentencepiece.sh writes VERSION; an upstream `make install` has the version
  # in its pkg-config file instead.
  if(EXISTS ${SentencePiece_ROOT}/VERSION)
    file(READ ${SentencePiece_ROOT}/VERSION SentencePiece_VERSION)
  else()
    file(GLOB spm_pc ${SentencePiece_ROOT}/lib*/pkgconfig/sentencepiece.pc)
    if(spm_pc)
      list(GET spm_pc 0 spm_pc)
      file(STRINGS ${spm_pc} SentencePiece_VERSION REGEX "^Version:")
      string(REGEX REPLACE "^Version:[ \t]*" "" SentencePiece_VERSION "${SentencePiece_VERSION}")
    else()
      set(SentencePiece_VERSION "unknown")
    endif()
  endif()
  string(STRIP "${SentencePiece_VERSION}" SentencePiece_VERSION)
  find_package(Protobuf REQUIRED)
  add_library(SentencePiece::SentencePiece INTERFACE IMPORTED)
  target_include_directories(SentencePiece::SentencePiece INTERFACE ${SentencePiece_INCLUDE_DIR})
  target_link_libraries(SentencePiece::SentencePiece INTERFACE
    ${SentencePiece_TRAIN_LIBRARY} ${SentencePiece_LIBRARY} protobuf::libprotobuf Threads::Threads)
  set(SentencePiece_KIND "static, system protobuf")
else()
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(SPM_PC QUIET IMPORTED_TARGET sentencepiece)
  endif()
  if(SPM_PC_FOUND)
    message(WARNING "Using the system SentencePiece ${SPM_PC_VERSION}. Debian's build bundles its own "
                    "protobuf and crashes next to libtorch; run scripts/build-sentencepiece.sh instead.")
    set(SentencePiece_VERSION ${SPM_PC_VERSION})
    add_library(SentencePiece::SentencePiece INTERFACE IMPORTED)
    target_link_libraries(SentencePiece::SentencePiece INTERFACE PkgConfig::SPM_PC sentencepiece_train)
    set(SentencePiece_KIND "system")
  endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SentencePiece REQUIRED_VARS SentencePiece_VERSION VERSION_VAR SentencePiece_VERSION)
