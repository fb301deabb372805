# The fixture matrix for CloudConfigOracle.Tests.ps1: each one a clouds.yaml / secure.yaml placed somewhere
# (CwdFiles, HomeFiles = ~/.config/openstack, FileFiles = a path given by OS_CLIENT_CONFIG_FILE), environment variables, and the
# cloud asked for (-Cloud / --os-cloud). The openstack CLI resolves each; the module must resolve it the same way.
# {AUTH} stands for an auth URL; secrets are "secret-<fixture>-..." so the test can grep every output for them.
@{ Fixtures = @(
    @{
        Name = 'a lone cloud in the home directory is not used unless named (as the CLI: its --os-cloud default is empty)'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  only:`n    auth:`n      auth_url: http://home.example:5000/v3`n      username: alice`n      password: secret-lone-pw`n      project_name: p1`n      user_domain_name: Users`n      project_domain_name: Projects`n    region_name: R1`n" }
    }
    @{
        Name = 'a cloud in the home directory by OS_CLOUD'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  only:`n    auth:`n      auth_url: http://home.example:5000/v3`n      username: alice`n      password: secret-named-pw`n      project_name: p1`n      user_domain_name: Users`n      project_domain_name: Projects`n    region_name: R1`n" }
        Environment = @{ OS_CLOUD = 'only' }
    }
    @{
        Name = 'the current directory comes before the home directory'
        CwdFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://cwd.example/v3', username: cwd-user, password: secret-cwd-pw, project_id: pid-cwd}`n" }
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://home.example/v3', username: home-user, password: secret-home-pw, project_id: pid-home}`n" }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'OS_CLIENT_CONFIG_FILE comes before every folder'
        FileFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://file.example/v3', username: file-user, password: secret-file-pw, project_name: pf}`n    interface: internal`n" }
        CwdFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://cwd.example/v3', username: cwd-user, password: secret-cwd2-pw, project_name: pc}`n" }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'secure.yaml is merged over clouds.yaml'
        HomeFiles = @{
            'clouds.yaml' = "clouds:`n  a:`n    auth:`n      auth_url: http://home.example/v3`n      username: alice`n      project_name: from-clouds`n    region_name: R1`n"
            'secure.yaml' = "clouds:`n  a:`n    auth:`n      password: secret-secure-pw`n      project_name: from-secure`n"
        }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'an openrc environment alone'
        Environment = @{ OS_AUTH_URL = 'http://env.example:5000/v3'; OS_USERNAME = 'envuser'; OS_PASSWORD = 'secret-openrc-pw'; OS_PROJECT_NAME = 'envproject'; OS_USER_DOMAIN_NAME = 'EnvUsers'; OS_PROJECT_DOMAIN_ID = 'envpd'; OS_REGION_NAME = 'EnvRegion'; OS_INTERFACE = 'internal' }
    }
    @{
        Name = 'legacy OS_TENANT_* fill in for OS_PROJECT_*'
        Environment = @{ OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'u'; OS_PASSWORD = 'secret-tenant-pw'; OS_TENANT_NAME = 'tenant-name'; OS_TENANT_ID = 'tenant-id'; OS_DEFAULT_DOMAIN = 'dd' }
    }
    @{
        Name = 'OS_PROJECT_NAME wins over OS_TENANT_NAME'
        Environment = @{ OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'u'; OS_PASSWORD = 'secret-tenant2-pw'; OS_TENANT_NAME = 'tenant-name'; OS_PROJECT_NAME = 'project-name' }
    }
    @{
        Name = 'with a named cloud, OS_* win for credentials, interface and microversion'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth:`n      auth_url: http://file.example/v3`n      username: file-user`n      password: secret-named-file-pw`n      project_name: fp`n    interface: internal`n    compute_api_version: '2.10'`n    api_timeout: 30`n" }
        Environment = @{ OS_CLOUD = 'a'; OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'env-user'; OS_PASSWORD = 'secret-named-env-pw'; OS_INTERFACE = 'admin'; OS_COMPUTE_API_VERSION = '2.5' }
    }
    @{
        Name = 'with a named cloud, the file wins for project and domains, OS_* fill the gaps'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth:`n      auth_url: http://file.example/v3`n      username: u`n      password: secret-gap-pw`n      project_name: file-project`n      user_domain_name: FileUsers`n" }
        Environment = @{ OS_CLOUD = 'a'; OS_PROJECT_NAME = 'env-project'; OS_USER_DOMAIN_NAME = 'EnvUsers'; OS_PROJECT_DOMAIN_NAME = 'EnvProjects'; OS_PROJECT_ID = 'env-pid' }
    }
    @{
        Name = 'OS_* variables make a cloud of their own, over a lone file cloud'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  only:`n    auth: {auth_url: 'http://file.example/v3', username: file-user, password: secret-envcloud-file-pw, project_name: fp}`n" }
        Environment = @{ OS_AUTH_URL = 'http://env.example/v3'; OS_USERNAME = 'env-user'; OS_PASSWORD = 'secret-envcloud-pw'; OS_PROJECT_NAME = 'ep' }
    }
    @{
        Name = 'OS_REGION_NAME alone makes no cloud and names none'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  only:`n    auth: {auth_url: 'http://file.example/v3', username: file-user, password: secret-selector-pw, project_name: fp}`n    regions: [R1, R2]`n" }
        Environment = @{ OS_REGION_NAME = 'R2' }
    }
    @{
        Name = 'regions as names and mappings: the first is the default'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-regions-pw, project_name: p}`n    regions:`n      - name: North`n      - South`n" }
        Environment = @{ OS_CLOUD = 'a' }
    }
    @{
        Name = 'a region of the list chosen by --os-cloud and OS_REGION_NAME'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-regions2-pw, project_name: p}`n    regions:`n      - name: North`n      - South`n  b:`n    auth: {auth_url: 'http://b.example/v3', username: ub, password: secret-b-pw, project_name: pb}`n" }
        Environment = @{ OS_CLOUD = 'b'; OS_REGION_NAME = 'South' }
        Cloud = 'a'
    }
    @{
        Name = 'a region outside the list is an error'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-badregion-pw, project_name: p}`n    region_name: North`n" }
        Environment = @{ OS_CLOUD = 'a'; OS_REGION_NAME = 'Atlantis' }
        Error = 'OSInvalidConfiguration'
    }
    @{
        Name = 'an unknown cloud is an error'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'http://file.example/v3', username: u, password: secret-unknown-pw, project_name: p}`n" }
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
        HomeFiles = @{ 'clouds.yml' = "clouds:`n  app:`n    auth_type: v3applicationcredential`n    auth:`n      auth_url: http://file.example/v3`n      application_credential_id: ac-id`n      application_credential_secret: secret-appcred`n    identity_api_version: 3`n    something_else: {deep: [1, 2]}`n" }
        Environment = @{ OS_CLOUD = 'app' }
    }
    @{
        Name = 'a token from OS_TOKEN with auth_type token'
        HomeFiles = @{ 'clouds.json' = '{"clouds": {"t": {"auth_type": "token", "auth": {"auth_url": "http://file.example/v3"}}}}' }
        Environment = @{ OS_CLOUD = 't'; OS_TOKEN = 'secret-token-value' }
    }
    @{
        Name = 'TLS settings: the file, with OS_CACERT over it'
        HomeFiles = @{ 'clouds.yaml' = "clouds:`n  a:`n    auth: {auth_url: 'https://file.example/v3', username: u, password: secret-tls-pw, project_name: p}`n    verify: false`n    cacert: /file/ca.pem`n    cert: /file/cert.pem`n    key: /file/key.pem`n" }
        Environment = @{ OS_CLOUD = 'a'; OS_CACERT = '/env/ca.pem' }
    }
    @{
        Name = 'no file and no environment: nothing is configured'
    }
) }
