package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/saywho-app/saywho/storage"
)

// initialise writes the schema and project metadata into a new file.
func (p *Project) initialise(name string) error {
	if name == "" {
		name = "Saywho project"
	}
	if err := p.migrate(0); err != nil {
		return err
	}
	info := storage.ProjectInfo{ID: storage.NewID(), Name: name, Created: now()}
	err := p.write(bg, "Create project", func(q querier) error {
		for _, kv := range metaRows(info) {
			if _, err := q.ExecContext(bg, "INSERT INTO meta(key, value) VALUES (?, ?)", kv[0], kv[1]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	p.info = info
	return nil
}

// metaRows are the meta table's rows that describe the project, as
// key-value pairs.
func metaRows(info storage.ProjectInfo) [][2]string {
	return [][2]string{{"project_id", info.ID}, {"name", info.Name}, {"created", fmtTime(info.Created)}}
}

// migrate brings the schema from version `from` to SchemaVersion, one
// migration per transaction. An existing project is first copied to
// PATH.vN.bak with VACUUM INTO.
func (p *Project) migrate(from int) error {
	if from > 0 {
		backup := fmt.Sprintf("%s.v%d.%s.bak", p.path, from, time.Now().UTC().Format("20060102T150405"))
		if err := p.Backup(bg, backup); err != nil {
			return fmt.Errorf("backup before upgrading the project failed, nothing was changed: %w", err)
		}
	}
	return p.applyMigrations(from, SchemaVersion)
}

// applyMigrations brings the schema from version `from` to version `to`,
// one migration per transaction; from 0 it also marks the file as a
// Saywho project.
func (p *Project) applyMigrations(from, to int) error {
	for v := from; v < to; v++ {
		tx, err := p.begin(bg)
		if err != nil {
			return err
		}
		if v == 0 {
			if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
				tx.Rollback()
				return err
			}
		}
		if _, err := tx.Exec(migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("upgrading the project to schema %d: %w", v+1, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// loadInfo reads the project metadata.
func (p *Project) loadInfo() error {
	rows, err := p.db.Query("SELECT key, value FROM meta")
	if err != nil {
		return err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		m[k] = v
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if m["project_id"] == "" {
		return fmt.Errorf("project metadata missing")
	}
	p.info = storage.ProjectInfo{ID: m["project_id"], Name: m["name"], Created: parseTime(m["created"])}
	return nil
}

// Rename changes the project's display name.
func (p *Project) Rename(ctx context.Context, name string) error {
	if name == "" {
		return fmt.Errorf("project name: %w: empty", storage.ErrInvalid)
	}
	err := p.write(bg, "Rename project", func(q querier) error {
		_, err := q.ExecContext(bg, "UPDATE meta SET value = ? WHERE key = 'name'", name)
		return err
	})
	if err == nil {
		p.info.Name = name
	}
	return err
}
