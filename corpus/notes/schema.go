package notes

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// column is one column of a table as PRAGMA table_info describes it.
type column struct {
	Type    string
	NotNull bool
	Default sql.NullString
	PK      int
}

// schema is the tables (with their columns) and other objects of a store.
type schema struct {
	tables  map[string]map[string]column
	objects map[string]string // name → type (table, index, trigger, view)
}

// referenceSchemas are the schemas of every version, 0 to SchemaVersion,
// made by running the migrations on an empty database in memory: what a
// store of each version holds, by construction.
var referenceSchemas = sync.OnceValues(func() ([]schema, error) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	ctx := context.Background()
	var out []schema
	for v := 0; ; v++ {
		s, err := readSchema(ctx, db)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
		if v == SchemaVersion {
			return out, nil
		}
		if _, err := db.ExecContext(ctx, migrations[v]); err != nil {
			return nil, fmt.Errorf("migration %d: %w", v, err)
		}
	}
})

// readSchema reads the tables, their columns and the other objects of a
// database (SQLite's own, sqlite_*, left out).
func readSchema(ctx context.Context, q querier) (schema, error) {
	s := schema{tables: map[string]map[string]column{}, objects: map[string]string{}}
	rows, err := q.QueryContext(ctx, "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
	if err != nil {
		return s, err
	}
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			rows.Close()
			return s, err
		}
		s.objects[name] = typ
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s, err
	}
	for name, typ := range s.objects {
		if typ != "table" {
			continue
		}
		cols := map[string]column{}
		rows, err := q.QueryContext(ctx, `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`, name)
		if err != nil {
			return s, err
		}
		for rows.Next() {
			var n string
			var c column
			if err := rows.Scan(&n, &c.Type, &c.NotNull, &c.Default, &c.PK); err != nil {
				rows.Close()
				return s, err
			}
			cols[n] = c
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return s, err
		}
		s.tables[name] = cols
	}
	return s, nil
}

// checkSchema compares a store's schema with the one its version should
// have: every table of that version with exactly its columns, and nothing
// a later version adds (its migration would fail on it). Other tables of
// someone's own are let be.
func checkSchema(ctx context.Context, q querier, version int64) error {
	refs, err := referenceSchemas()
	if err != nil {
		return fmt.Errorf("build the reference schema: %w", err)
	}
	got, err := readSchema(ctx, q)
	if err != nil {
		return err
	}
	want, latest := refs[version], refs[SchemaVersion]
	for _, t := range slices.Sorted(maps.Keys(want.tables)) {
		cols, ok := got.tables[t]
		if !ok {
			return fmt.Errorf("its schema is not that of version %d: table %s is missing", version, t)
		}
		for _, c := range slices.Sorted(maps.Keys(want.tables[t])) {
			have, ok := cols[c]
			switch {
			case !ok:
				return fmt.Errorf("its schema is not that of version %d: table %s has no column %s", version, t, c)
			case have != want.tables[t][c]:
				return fmt.Errorf("its schema is not that of version %d: column %s.%s is not as parallax made it", version, t, c)
			}
		}
		for _, c := range slices.Sorted(maps.Keys(cols)) {
			if _, ok := want.tables[t][c]; !ok {
				return fmt.Errorf("its schema is not that of version %d: table %s has a column %s that parallax does not make", version, t, c)
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(latest.objects)) {
		if _, ok := want.objects[name]; ok {
			continue
		}
		if typ, ok := got.objects[name]; ok {
			return fmt.Errorf("its schema is not that of version %d: it already has the %s %s of a later version", version, typ, name)
		}
	}
	return nil
}
