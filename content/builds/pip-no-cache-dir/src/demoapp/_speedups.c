/* demoapp._speedups: 64-bit FNV-1a in C. It exists so that installing demoapp needs a compiler,
 * which is what makes build stages, build tools and apt choices matter in the example images. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *fnv1a64(PyObject *self, PyObject *args) {
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "y*", &data)) {
        return NULL;
    }
    unsigned long long hash = 0xcbf29ce484222325ULL;
    const unsigned char *bytes = data.buf;
    for (Py_ssize_t i = 0; i < data.len; i++) {
        hash ^= bytes[i];
        hash *= 0x100000001b3ULL;
    }
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLongLong(hash);
}

static PyMethodDef methods[] = {
    {"fnv1a64", fnv1a64, METH_VARARGS, "Return the 64-bit FNV-1a hash of a bytes-like object."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "demoapp._speedups", NULL, -1, methods};

PyMODINIT_FUNC PyInit__speedups(void) {
    return PyModule_Create(&module);
}
