{
  "targets": [
    {
      "target_name": "vireo_kvm",
      "sources": ["src/addon.cc", "src/kvm-core.c", "src/kvm-caps.c"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_CPP_EXCEPTIONS"],
      "cflags": ["-Wall", "-Wextra"],
      "cflags_c": ["-std=gnu11"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions"],
      "libraries": ["-lrt", "-lpthread"]
    }
  ]
}
