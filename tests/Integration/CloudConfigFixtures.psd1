# The fixture matrix for CloudConfigOracle.Tests.ps1: each one a clouds.yaml / secure.yaml placed somewhere
# (CwdFiles, HomeFiles = ~/.config/openstack, FileFiles = a path given by OS_CLIENT_CONFIG_FILE), environment variables, and the
# cloud asked for (-Cloud / --os-cloud). The openstack CLI resolves each; the module must resolve it the same way.
# {AUTH} stands for an auth URL; secrets are "secret-<fixture>-..." so the test can grep every output for them.
# The longer files are literal here-strings, one YAML line per line; the blank line before '@ is the file's last newline.
@{ Fixtures = @(
    @{
        Name = 'a lone cloud in the home directory is not used unless named (as the CLI: its --os-cloud default is empty)'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  only:
    auth:
      auth_url: http://home.example:5000/v3
      username: alice
      password: secret-lone-pw
      project_name: p1
      user_domain_name: Users
      project_domain_name: Projects
    region_name: R1

'@ }
    }
    @{
        Name = 'a cloud in the home directory by OS_CLOUD'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  only:
    auth:
      auth_url: http://home.example:5000/v3
      username: alice
      password: secret-named-pw
      project_name: p1
      user_domain_name: Users
      project_domain_name: Projects
    region_name: R1

'@ }
        Environment = @{ OS_CLOUD = 'only' }
    }
    @{
        Name = 'the current directory comes before the home directory'
        CwdFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://cwd.example/v3', username: cwd-user, password: secret-cwd-pw, project_id: pid-cwd}

'@ }
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://home.example/v3', username: home-user, password: secret-home-pw, project_id: pid-home}

'@ }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'OS_CLIENT_CONFIG_FILE comes before every folder'
        FileFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://file.example/v3', username: file-user, password: secret-file-pw, project_name: pf}
    interface: internal

'@ }
        CwdFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://cwd.example/v3', username: cwd-user, password: secret-cwd2-pw, project_name: pc}

'@ }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'secure.yaml is merged over clouds.yaml'
        HomeFiles = @{
            'clouds.yaml' = @'
clouds:
  a:
    auth:
      auth_url: http://home.example/v3
      username: alice
      project_name: from-clouds
    region_name: R1

'@
            'secure.yaml' = @'
clouds:
  a:
    auth:
      password: secret-secure-pw
      project_name: from-secure

'@
        }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'an openrc environment alone'
        Environment = @{
            OS_AUTH_URL = 'http://env.example:5000/v3'; OS_USERNAME = 'envuser'; OS_PASSWORD = 'secret-openrc-pw'
            OS_PROJECT_NAME = 'envproject'; OS_USER_DOMAIN_NAME = 'EnvUsers'; OS_PROJECT_DOMAIN_ID = 'envpd'
            OS_REGION_NAME = 'EnvRegion'; OS_INTERFACE = 'internal'
        }
    }
    @{
        Name = 'legacy OS_TENANT_* fill in for OS_PROJECT_*'
        Environment = @{
            OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'u'; OS_PASSWORD = 'secret-tenant-pw'
            OS_TENANT_NAME = 'tenant-name'; OS_TENANT_ID = 'tenant-id'; OS_DEFAULT_DOMAIN = 'dd'
        }
    }
    @{
        Name = 'OS_PROJECT_NAME wins over OS_TENANT_NAME'
        Environment = @{
            OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'u'; OS_PASSWORD = 'secret-tenant2-pw'
            OS_TENANT_NAME = 'tenant-name'; OS_PROJECT_NAME = 'project-name'
        }
    }
    @{
        Name = 'with a named cloud, OS_* win for credentials, interface and microversion'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth:
      auth_url: http://file.example/v3
      username: file-user
      password: secret-named-file-pw
      project_name: fp
    interface: internal
    compute_api_version: '2.10'
    api_timeout: 30

'@ }
        Environment = @{
            OS_CLOUD = 'a'; OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'env-user'
            OS_PASSWORD = 'secret-named-env-pw'; OS_INTERFACE = 'admin'; OS_COMPUTE_API_VERSION = '2.5'
        }
    }
    @{
        Name = 'with a named cloud, the file wins for project and domains, OS_* fill the gaps'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth:
      auth_url: http://file.example/v3
      username: u
      password: secret-gap-pw
      project_name: file-project
      user_domain_name: FileUsers

'@ }
        Environment = @{
            OS_CLOUD = 'a'; OS_PROJECT_NAME = 'env-project'; OS_USER_DOMAIN_NAME = 'EnvUsers'
            OS_PROJECT_DOMAIN_NAME = 'EnvProjects'; OS_PROJECT_ID = 'env-pid'
        }
    }
    @{
        Name = 'OS_* variables make a cloud of their own, over a lone file cloud'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  only:
    auth: {auth_url: 'http://file.example/v3', username: file-user, password: secret-envcloud-file-pw, project_name: fp}

'@ }
        Environment = @{ OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'env-user'; OS_PASSWORD = 'secret-envcloud-pw'; OS_PROJECT_NAME = 'ep' }
    }
    @{
        Name = 'OS_REGION_NAME alone makes no cloud and names none'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  only:
    auth: {auth_url: 'http://file.example/v3', username: file-user, password: secret-selector-pw, project_name: fp}
    regions: [R1, R2]

'@ }
        Environment = @{ OS_REGION_NAME = 'R2' }
    }
    @{
        Name = 'regions as names and mappings: the first is the default'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-regions-pw, project_name: p}
    regions:
      - name: North
      - South

'@ }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'a region of the list chosen by --os-cloud and OS_REGION_NAME'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-regions2-pw, project_name: p}
    regions:
      - name: North
      - South
  b:
    auth: {auth_url: 'http://b.example/v3', username: ub, password: secret-b-pw, project_name: pb}

'@ }
        Environment = @{ OS_CLOUD = 'b'; OS_REGION_NAME = 'South' }
        Cloud = 'a'
    }
    @{
        Name = 'a region outside the list is an error'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-badregion-pw, project_name: p}
    region_name: North

'@ }
        Environment = @{ OS_CLOUD = 'a'; OS_REGION_NAME = 'Atlantis' }
        Error = 'OSInvalidConfiguration'
    }
    @{
        Name = 'an unknown cloud is an error'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-unknown-pw, project_name: p}

'@ }
        Environment = @{ OS_CLOUD = 'nope' }
        Error = 'OSCloudNotFound'
    }
    @{
        Name = 'malformed YAML is an error'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: [`n" }
        Environment = @{ OS_CLOUD = 'a' }
        Error = 'OSInvalidConfiguration'
    }
    @{
        Name = 'an application credential cloud, unknown keys ignored'
        HomeFiles = @{ 'clouds.yml' = @'
clouds:
  app:
    auth_type: v3applicationcredential
    auth:
      auth_url: http://file.example/v3
      application_credential_id: ac-id
      application_credential_secret: secret-appcred
    identity_api_version: 3
    something_else: {deep: [1, 2]}

'@ }
        Environment = @{ OS_CLOUD = 'app' }
    }
    @{
        Name = 'a token from OS_TOKEN with auth_type token'
        HomeFiles = @{ 'clouds.json' = '{"clouds": {"t": {"auth_type": "token", "auth": {"auth_url": "http://file.example/v3"}}}}' }
        Environment = @{ OS_CLOUD = 't'; OS_TOKEN = 'secret-token-value' }
    }
    @{
        Name = 'TLS settings: the file, with OS_CACERT over it'
        HomeFiles = @{ 'clouds.yaml' = @'
clouds:
  a:
    auth: {auth_url: 'https://file.example/v3', username: u, password: secret-tls-pw, project_name: p}
    verify: false
    cacert: /file/ca.pem
    cert: /file/cert.pem
    key: /file/key.pem

'@ }
        Environment = @{ OS_CLOUD = 'a'; OS_CACERT = '/env/ca.pem' }
    }
    @{
        Name = 'no file and no environment: nothing is configured'
    }
) }
