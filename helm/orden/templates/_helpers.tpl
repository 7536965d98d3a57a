{{/*
Expand the name of the chart.
*/}}
{{- define "orden.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name.
We truncate at 63 chars because some Kubernetes name fields are limited to this (by the DNS naming spec).
If release name contains chart name it will be used as a full name.
*/}}
{{- define "orden.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "orden.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels
*/}}
{{- define "orden.labels" -}}
helm.sh/chart: {{ include "orden.chart" . }}
{{ include "orden.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: orden
{{- end }}

{{/*
Selector labels
*/}}
{{- define "orden.selectorLabels" -}}
app.kubernetes.io/name: {{ include "orden.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Create the name of the service account to use
*/}}
{{- define "orden.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "orden.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Container image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "orden.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}

{{/*
Whether the chart creates the Secret itself (development): no existingSecret and
at least one secret value given in values.
*/}}
{{- define "orden.createSecret" -}}
{{- if and (not .Values.secrets.existingSecret) (or .Values.secrets.dbPassword .Values.secrets.dbAppPassword .Values.secrets.kcAdminClientSecret .Values.secrets.demoPassword) -}}
true
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the passwords and the Keycloak client secret.
Fails the render when neither an existing Secret nor values for a chart-managed one are given.
*/}}
{{- define "orden.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else if include "orden.createSecret" . }}
{{- include "orden.fullname" . }}
{{- else }}
{{- fail "orden: set secrets.existingSecret to a Secret holding the DB passwords and the Keycloak client secret (or, for development only, secrets.dbPassword, secrets.dbAppPassword and secrets.kcAdminClientSecret)" }}
{{- end }}
{{- end }}

{{/*
Name of the ConfigMap with the demo tenant files, empty when seeding is off.
*/}}
{{- define "orden.seedConfigMapName" -}}
{{- if .Values.seed.existingConfigMap }}
{{- .Values.seed.existingConfigMap }}
{{- else if .Values.seed.files }}
{{- printf "%s-seed" (include "orden.fullname" . | trunc 58 | trimSuffix "-") }}
{{- end }}
{{- end }}

{{/*
Paths of the demo tenant files in the seed directory (a YAML list): the keys of seed.files, or seed.paths with an
existing ConfigMap. Each is stored in the ConfigMap under its path with "/" written as "__".
*/}}
{{- define "orden.seedPaths" -}}
{{- if .Values.seed.existingConfigMap }}
{{- with .Values.seed.paths }}{{ toYaml . }}{{ end }}
{{- else if .Values.seed.files }}
{{- keys .Values.seed.files | sortAlpha | toYaml }}
{{- end }}
{{- end }}
