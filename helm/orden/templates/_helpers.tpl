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

{{/*
ORDEN_TRUSTED_PROXIES: the regular expression of the peers whose X-Forwarded-For is believed (config.trustedProxies).
"auto" trusts the private ranges only when every request comes through the Ingress's controller, i.e. with the
Ingress on and a ClusterIP Service; loopback too, for a service-mesh sidecar in the pod.
*/}}
{{- define "orden.trustedProxies" -}}
{{- $setting := .Values.config.trustedProxies | toString -}}
{{- if ne $setting "auto" -}}
{{- $setting -}}
{{- else if and .Values.ingress.enabled (eq .Values.service.type "ClusterIP") -}}
{{- list "10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}" "172\\.(1[6-9]|2[0-9]|3[01])\\.\\d{1,3}\\.\\d{1,3}" "192\\.168\\.\\d{1,3}\\.\\d{1,3}" "100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.\\d{1,3}\\.\\d{1,3}" "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}" "f[cd][0-9a-f]{2}:.*" "0:0:0:0:0:0:0:1" "::1" | join "|" -}}
{{- else -}}
none
{{- end -}}
{{- end }}

{{/*
How many pods share a cluster-wide rate-limit budget: 1 unless rateLimits.budget is "cluster", then the replicas
(the most the autoscaler may run, so that the budget is never exceeded).
*/}}
{{- define "orden.rateLimitShare" -}}
{{- if ne .Values.rateLimits.budget "cluster" -}}
1
{{- else if .Values.autoscaling.enabled -}}
{{- .Values.autoscaling.maxReplicas | int -}}
{{- else -}}
{{- .Values.replicaCount | int -}}
{{- end -}}
{{- end }}

{{/*
The ConfigMap entries of the rate limits and per-tenant quotas: ORDEN_RATE_LIMIT_<NAME>[_TENANT_<SLUG>]_<FIELD>,
the names MicroProfile Config maps orden.rate-limit.<name>[.tenant.<slug>].<field> to. capacity, refill and
concurrent are each pod's share of the budget, rounded up (0, no cap on requests in progress, stays 0).
*/}}
{{- define "orden.rateLimitEnv" -}}
{{- $share := include "orden.rateLimitShare" . | int -}}
{{- range $name, $limit := .Values.rateLimits.limits }}
{{- include "orden.rateLimitFields" (dict "prefix" (printf "ORDEN_RATE_LIMIT_%s" (include "orden.envName" $name)) "limit" $limit "share" $share) }}
{{- end }}
{{- range $slug, $limits := .Values.rateLimits.tenants }}
{{- range $name, $limit := $limits }}
{{- include "orden.rateLimitFields" (dict "prefix" (printf "ORDEN_RATE_LIMIT_%s_TENANT_%s" (include "orden.envName" $name) (include "orden.envName" $slug)) "limit" $limit "share" $share) }}
{{- end }}
{{- end }}
{{- end }}

{{- define "orden.rateLimitFields" -}}
{{- $share := .share -}}
{{- $prefix := .prefix -}}
{{- with .limit }}
{{- if hasKey . "enabled" }}
{{ $prefix }}_ENABLED: {{ .enabled | quote }}
{{- end }}
{{- range $field := list "capacity" "refill" "concurrent" }}
{{- if hasKey $.limit $field }}
{{ $prefix }}_{{ upper $field }}: {{ div (add (index $.limit $field | int) (sub $share 1)) $share | quote }}
{{- end }}
{{- end }}
{{- if hasKey . "period" }}
{{ $prefix }}_PERIOD: {{ .period | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
An environment variable's part for a name or slug: upper case, "-" (and anything not alphanumeric) as "_".
*/}}
{{- define "orden.envName" -}}
{{- regexReplaceAll "[^A-Za-z0-9]" . "_" | upper -}}
{{- end }}
