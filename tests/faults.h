/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * faults.h - allocation-failure cases (SQLite's fault simulator).
 *
 * Each tests/faults_<module>.c defines
 *     const fault_case <module>_fault_cases[] = { {"name", fn}, ..., {0, 0} };
 * where fn makes one complete call of a core entry point on valid input and
 * returns its status.  tests/faults.c runs every case with the k-th
 * allocation failing, for k = 0, 1, ... until the call no longer allocates
 * that often, and requires CP_ENOMEM and nothing leaked each time.
 */
#ifndef CP_FAULTS_H
#define CP_FAULTS_H

typedef struct {
    const char *name;
    int (*call)(void);
} fault_case;

#endif
