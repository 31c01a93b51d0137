/** A small protocol in libvirt's .x style, for the parser and emitter tests. */
export const SNIPPET = `
/* A small protocol in libvirt's style. */
%#include "internal.h"
const DEMO_NAME_MAX = 64;
const DEMO_LIST_MAX = 0x10;

typedef string demo_nonnull_string<DEMO_NAME_MAX>;
typedef demo_nonnull_string *demo_string;
typedef opaque demo_uuid[16];

enum demo_color {
    DEMO_RED = 0,
    DEMO_GREEN = 1,
    DEMO_BLUE = -2
};

struct demo_thing {
    unsigned int id;
    unsigned hyper size;
    hyper delta;
    char model[4];
    demo_uuid uuid;
    demo_nonnull_string names<DEMO_LIST_MAX>;
    opaque blob<>;
    demo_string note;
    enum demo_color color;
    bool on;
    double load;
};

union demo_value switch (int kind) {
case 1:
    int i;
case 2:
case 3:
    unsigned hyper big;
case 4:
    demo_nonnull_string s;
case 5:
    void;
};

enum demo_procedure {
    /* @generate: both */
    DEMO_PROC_GET_THING = 1,
    /**
     * @generate: both
     * @readstream: 1
     */
    DEMO_PROC_DOWNLOAD = 2 // trailing comment
};

struct demo_get_thing_ret {
    demo_thing thing;
};
`;
