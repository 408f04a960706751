package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// needRoot skips a test that creates device nodes.
func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("creating device nodes needs root; run as root to test writing over devices")
	}
}

// mknod makes a device node like the system's (major, minor) in dir.
func mknod(t *testing.T, path string, typ uint32, major, minor int) {
	t.Helper()
	if err := syscall.Mknod(path, typ|0o666, major<<8|minor); err != nil {
		t.Fatalf("mknod %s: %v", path, err)
	}
}

// fileType returns the type bits of what is at path, without following it.
func fileType(t *testing.T, path string) fs.FileMode {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatalf("%s is gone: %v", path, err)
	}
	return fi.Mode().Type()
}

// An export given a device node used to rename a regular file over it:
// run as root, -o /dev/full replaced the system's /dev/full.
func TestWriteFileIntoCharacterDevice(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	null := filepath.Join(dir, "null")
	mknod(t, null, syscall.S_IFCHR, 1, 3) // like /dev/null
	if err := WriteFileAtomic(null, writeString("export")); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			t.Skipf("the test folder does not allow devices (nodev): %v", err)
		}
		t.Fatalf("writing into a character device: %v", err)
	}
	if typ := fileType(t, null); typ&fs.ModeCharDevice == 0 {
		t.Errorf("the device was replaced by %v", typ)
	}
	full := filepath.Join(dir, "full")
	mknod(t, full, syscall.S_IFCHR, 1, 7) // like /dev/full: every write fails
	err := WriteFileAtomic(full, writeString("export"))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("writing into a full device: err = %v, want ENOSPC", err)
	}
	if typ := fileType(t, full); typ&fs.ModeCharDevice == 0 {
		t.Errorf("the device was replaced by %v", typ)
	}
	if extra := leftovers(t, dir, "null", "full"); len(extra) > 0 {
		t.Errorf("files left: %v", extra)
	}
}

func TestWriteRefusesBlockDeviceAndSocket(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	targets := []string{sock}
	if os.Geteuid() == 0 {
		blk := filepath.Join(dir, "disk")
		mknod(t, blk, syscall.S_IFBLK, 7, 0) // like /dev/loop0; never opened
		targets = append(targets, blk)
	} else {
		t.Log("not root: the block device case is not tested")
	}
	for _, p := range targets {
		before := fileType(t, p)
		if err := WriteFileAtomic(p, writeString("x")); !errors.Is(err, ErrNotWritable) {
			t.Errorf("file export to %s: err = %v, want ErrNotWritable", filepath.Base(p), err)
		}
		if err := WriteDirAtomic(p, writeFiles(map[string]string{"a": "b"}, nil)); !errors.Is(err, ErrNotWritable) {
			t.Errorf("folder export to %s: err = %v, want ErrNotWritable", filepath.Base(p), err)
		}
		if after := fileType(t, p); after != before {
			t.Errorf("%s changed from %v to %v", filepath.Base(p), before, after)
		}
	}
	keep := []string{"sock", "disk"}
	if extra := leftovers(t, dir, keep...); len(extra) > 0 {
		t.Errorf("files left: %v", extra)
	}
}

// A named pipe is written into, so `saywho export -o pipe` feeds whoever
// reads it; it used to be replaced by a file nobody read.
func TestWriteFileIntoNamedPipe(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "out.json")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(pipe)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	if err := WriteFileAtomic(pipe, writeString("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if typ := fileType(t, pipe); typ&fs.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced by %v", typ) // and its reader waits forever
	}
	if b := <-got; !bytes.Equal(b, []byte("through the pipe")) {
		t.Errorf("the reader got %q", b)
	}
	if err := WriteDirAtomic(pipe, writeFiles(map[string]string{"a": "b"}, nil)); !errors.Is(err, ErrNotWritable) {
		t.Errorf("folder export to a pipe: err = %v, want ErrNotWritable", err)
	}
}

// -o /dev/stdout: a link to a link to the terminal or pipe of the process.
func TestWriteFileThroughLinkToDevice(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "out.json")
	if err := os.Symlink("/dev/null", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(link, writeString("x")); err != nil {
		t.Fatalf("writing through a link to /dev/null: %v", err)
	}
	if typ := fileType(t, link); typ&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced by %v", typ)
	}
	if typ := fileType(t, "/dev/null"); typ&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is now %v", typ)
	}
}
