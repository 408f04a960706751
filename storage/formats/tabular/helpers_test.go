package tabular

import "github.com/saywho-app/saywho/storage"

func indexOf(anns []storage.Annotation, id string) int {
	for i := range anns {
		if anns[i].ID == id {
			return i
		}
	}
	return -1
}
