package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	// Initialised before Fyne: mends a locale Fyne cannot parse (C.UTF-8).
	_ "github.com/saywho-app/saywho/app/locale"
	"github.com/saywho-app/saywho/assets"
	"github.com/saywho-app/saywho/storage"
	"github.com/saywho-app/saywho/storage/sqlite"
)

// AppID is the application id, the same as in FyneApp.toml; preferences
// are kept under it.
const AppID = "io.github.saywho_app.saywho"

// Options configure a GUI session.
type Options struct {
	ProjectPath string  // "" = the default project in the user's data dir, created on first start with assets.SampleArticle
	Coder       string  // "" = ask on first start (default: OS user name), remembered in Preferences
	Formats     Formats // import and export formats; nil = DefaultFormats()
}

// session is one run of the window: it outlives the UI of each project
// opened in it.
type session struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	ui   *UI
}

// Run opens the main window and blocks until it closes.
func Run(opts Options) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("saywho.png", assets.IconPNG))
	w := a.NewWindow("Saywho")
	w.Resize(fyne.NewSize(1200, 740))
	w.SetMaster()
	s := &session{app: a, win: w, opts: opts}
	p, openErr := s.openStartProject()
	if p == nil {
		// Started from a desktop menu nobody reads stderr: say it in the window.
		w.SetContent(container.NewPadded(wrapLabel("Saywho could not open a project:\n\n" + friendly(openErr))))
		d := dialog.NewError(errors.New(friendly(openErr)), w)
		d.SetOnClosed(w.Close)
		d.Show()
		w.ShowAndRun()
		return openErr
	}
	w.SetOnClosed(func() {
		if s.ui != nil {
			s.ui.close() // cancels and awaits a running import or export
			s.ui.p.Close()
		}
	})
	name := opts.Coder
	if name == "" {
		name = a.Preferences().String(prefCoder)
	}
	if name == "" {
		firstStart(w, func(name string) {
			a.Preferences().SetString(prefCoder, name)
			s.launch(p, name, openErr)
		})
	} else {
		s.launch(p, name, openErr)
	}
	w.ShowAndRun()
	return nil
}

// openStartProject opens the project asked for, or the default project
// (created with the sample article when missing). When the one asked for
// cannot be opened, the default is opened instead and the error returned
// with it, to be shown; p is nil only when nothing could be opened.
func (s *session) openStartProject() (p *sqlite.Project, openErr error) {
	if s.opts.ProjectPath != "" {
		p, err := sqlite.Open(s.opts.ProjectPath, sqlite.OpenOptions{})
		if err == nil {
			return p, nil
		}
		if errors.Is(err, storage.ErrInUse) {
			return nil, err
		}
		openErr = err
	}
	path, err := DefaultProjectPath()
	if err != nil {
		return nil, errors.Join(openErr, err)
	}
	p, err = openOrCreateDefault(path)
	if err != nil {
		return nil, errors.Join(openErr, err)
	}
	return p, openErr
}

// launch shows project p with coder name in the window.
func (s *session) launch(p storage.Project, name string, openErr error) {
	ui, err := s.show(p, name)
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	const instead = "The default project was opened instead."
	switch {
	case openErr != nil && repairable(openErr):
		ui.openFailed(s.opts.ProjectPath, openErr, instead)
	case openErr != nil:
		dialog.ShowError(errors.New(friendly(openErr)+"\n\n"+instead), s.win)
	}
	ui.focusArticle()
}

// show builds the window for p; it is also used when the user opens
// another project.
func (s *session) show(p storage.Project, name string) (*UI, error) {
	coder, err := coderFor(p, name)
	if err != nil {
		return nil, err
	}
	if err := p.EnableUndo(); err != nil {
		return nil, err
	}
	ui := NewUI(s.app, s.win, p, coder)
	ui.sess = s
	ui.SetFormats(s.opts.Formats)
	s.ui = ui
	rememberRecent(s.app.Preferences(), p.Path())
	ui.menus.refreshRecent()
	return ui, nil
}

// coderFor returns the annotator called name in p, adding it when the
// project is writable. In a read-only project an unknown coder is used
// without an id: nothing can be written anyway.
func coderFor(p storage.Project, name string) (storage.Annotator, error) {
	if !p.ReadOnly() {
		return p.EnsureAnnotator(context.Background(), name)
	}
	all, err := p.Annotators(context.Background())
	if err != nil {
		return storage.Annotator{}, err
	}
	for _, a := range all {
		if a.Name == name {
			return a, nil
		}
	}
	return storage.Annotator{Name: name}, nil
}

// DefaultProjectPath is where the default project lives: Saywho's folder
// in the user's data directory.
func DefaultProjectPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(d, "Saywho")
	default:
		d := os.Getenv("XDG_DATA_HOME")
		if d == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			d = filepath.Join(home, ".local", "share")
		}
		dir = filepath.Join(d, "saywho")
	}
	return filepath.Join(dir, "My project"+sqlite.Extension), nil
}

// openOrCreateDefault opens the default project, creating it with the
// sample article and a small example codebook when it does not exist.
func openOrCreateDefault(path string) (*sqlite.Project, error) {
	if _, err := os.Stat(path); err == nil {
		return sqlite.Open(path, sqlite.OpenOptions{})
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the folder for the default project: %w", err)
	}
	return createProject(path, "My project", seedProject)
}

// createProject makes a new project file and fills it with seed (when not
// nil). A failed seed removes nothing: the file is a valid, emptier
// project.
func createProject(path, name string, seed func(*sqlite.Project) error) (*sqlite.Project, error) {
	p, err := sqlite.Create(path, name)
	if err != nil {
		return nil, err
	}
	if seed != nil {
		if err := seed(p); err != nil {
			p.Close()
			return nil, err
		}
	}
	return p, nil
}

// seedProject adds the sample article and example codes to a new default
// project.
func seedProject(p *sqlite.Project) error {
	if _, err := p.AddDocument(context.Background(), storage.Document{Text: assets.SampleArticle, FileName: assets.SampleName, Format: "txt",
		Outlet: assets.SampleOutlet, Byline: assets.SampleByline, Published: assets.SamplePublished}); err != nil {
		return err
	}
	for i, c := range []storage.Code{
		{Name: "Economy", Shortcut: "1"},
		{Name: "Environment", Shortcut: "2"},
		{Name: "Politics", Shortcut: "3"},
	} {
		c.Color, c.Position = codePalette[i], i
		c.Description = "An example code: rename, recolour or delete it in the Codes tab."
		if _, err := p.AddCode(context.Background(), c); err != nil {
			return err
		}
	}
	return nil
}

// checkDisplay refuses to start on a Linux/BSD machine without a graphical
// display, where GLFW would panic, with a message that points to the
// headless commands.
func checkDisplay() error {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return errors.New("no graphical display (DISPLAY and WAYLAND_DISPLAY are unset); the window needs one. Without a display use the commands: saywho help")
		}
	}
	return nil
}
