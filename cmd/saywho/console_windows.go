package main

import (
	"os"
	"syscall"
)

// On Windows saywho.exe is a GUI-subsystem program, so that a double click
// opens only the window and no console. Such a program starts without
// standard output: run from a terminal as `saywho.exe stats …`, it would
// print nothing. When it is given arguments and its output is not
// redirected (a pipe or a file works as it is), it attaches to the console
// of the terminal that started it and writes there. cmd.exe does not wait
// for GUI programs, so docs/install.md tells to start commands with
// `start /wait saywho …` (or to redirect their output).
func init() {
	if len(os.Args) < 2 {
		return
	}
	out := stdHandleMissing(syscall.STD_OUTPUT_HANDLE)
	errs := stdHandleMissing(syscall.STD_ERROR_HANDLE)
	if !out && !errs {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer or a shortcut: no console to write to
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if out {
		os.Stdout = con
	}
	if errs {
		os.Stderr = con
	}
}

// stdHandleMissing reports whether the process has no usable standard
// handle of that kind.
func stdHandleMissing(which int) bool {
	h, err := syscall.GetStdHandle(which)
	return err != nil || h == 0 || h == syscall.InvalidHandle
}
